import { getPool } from "../../database/pool";
import { AppError } from "../../errors";
import { gpuFieldIds } from "../profiles/gpu-power";
import type { RackPowerOut, RackPowerQuery } from "../schemas";
import { roundTo } from "../units";

type Row = {
  site: string;
  rack: string;
  cap_kw: string | null;
  power_w: number | null;
  gpus: number;
  reporting: number;
  at: Date | null;
};

// Latest power of each GPU (GpuLatest), summed per rack; a GPU whose latest
// reading is older than the cutoff counts as not reporting rather than as
// drawing what it drew hours ago.
const SQL = `
SELECT st.name AS site, k.name AS rack, k."powerCapKw"::text AS cap_kw,
       sum(l.value) FILTER (WHERE l.at >= $3) AS power_w,
       count(g.id)::int AS gpus,
       count(l."gpuId") FILTER (WHERE l.at >= $3)::int AS reporting,
       max(l.at) FILTER (WHERE l.at >= $3) AS at
  FROM "Rack" k
  JOIN "Site" st ON st.id = k."siteId"
  LEFT JOIN "Server" s ON s."rackId" = k.id
  LEFT JOIN "Gpu" g ON g."serverId" = s.id
  LEFT JOIN "GpuLatest" l ON l."gpuId" = g.id AND l."fieldId" = $2
 WHERE ($1::text IS NULL OR st.name = $1)
 GROUP BY st.name, k.name, k."powerCapKw"`;

/**
 * Each rack's GPU power now (sum of its GPUs' latest DCGM_FI_DEV_POWER_USAGE,
 * W) against its power cap; highest share of cap first, racks without a cap last.
 * GPU power only: fans, CPUs and PSU losses are not in dcgm telemetry.
 */
export async function listRackPower(q: RackPowerQuery, now = new Date()): Promise<RackPowerOut[]> {
  const pool = getPool();
  if (q.site && (await pool.query(`SELECT 1 FROM "Site" WHERE name = $1`, [q.site])).rowCount === 0) {
    throw new AppError("not_found", `Site ${q.site} does not exist`);
  }
  const { power } = await gpuFieldIds();
  const cutoff = new Date(now.getTime() - q.maxAgeMinutes * 60_000);
  const { rows } = await pool.query<Row>(SQL, [q.site ?? null, power ?? -1, cutoff]);
  return rows
    .map(toRackPower)
    .sort((a, b) => (b.capUsedPct ?? -1) - (a.capUsedPct ?? -1) || b.powerW - a.powerW || a.rack.localeCompare(b.rack));
}

function toRackPower(r: Row): RackPowerOut {
  const powerW = r.power_w ?? 0;
  const capKw = r.cap_kw === null ? null : Number(r.cap_kw);
  return {
    site: r.site,
    rack: r.rack,
    powerW: roundTo(powerW, 3),
    powerCapKw: capKw,
    capUsedPct: capKw ? roundTo((powerW / (capKw * 1000)) * 100, 2) : null,
    gpus: r.gpus,
    gpusReporting: r.reporting,
    at: r.at?.toISOString() ?? null,
  };
}
