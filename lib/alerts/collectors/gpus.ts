import { coded } from "../../i18n/coded-text";
import { getPool } from "../../database/pool";
import { drainXidMeanings, drainXids } from "../../telemetry/health/health-rules";
import { readingFields } from "../../telemetry/views/latest";
import { staleBefore } from "../../telemetry/health/freshness";
import type { ParamsOf } from "../schemas";
import type { CollectContext, Sample } from "./sample";

// GPU and server checks, read from the latest-values tables the fold keeps
// (one indexed read per rule, whatever the fleet's size).

type GpuRow = { uuid: string; index: number; hostname: string; rack: string; site: string; value: number | null };

const GPU_JOIN = `
  FROM "Gpu" g
  JOIN "Server" s ON s.id = g."serverId"
  JOIN "Rack" r ON r.id = s."rackId"
  JOIN "Site" si ON si.id = r."siteId"`;
const GPU_COLUMNS = `g.uuid, g.index, s.hostname, r.name AS rack, si.name AS site`;

const gpuLabels = (r: GpuRow) => ({
  gpu: r.uuid,
  hostname: r.hostname,
  gpu_index: String(r.index),
  rack: r.rack,
  site: r.site,
});
const gpuLink = (r: GpuRow) => `/gpus/${encodeURIComponent(r.uuid)}`;
const where = (r: GpuRow) => `${r.hostname} GPU ${r.index}`;
const whereParams = (r: GpuRow) => ({ hostname: r.hostname, index: String(r.index) });

async function latestOf(field: string, condition: string, params: unknown[]): Promise<GpuRow[]> {
  const { rows } = await getPool().query<GpuRow>(
    `SELECT ${GPU_COLUMNS}, l.value ${GPU_JOIN}
     JOIN "GpuLatest" l ON l."gpuId" = g.id
     JOIN "TelemetryField" f ON f.id = l."fieldId" AND f.name = $1
     WHERE s.status <> 'retired' AND ${condition}
     ORDER BY s.hostname, g.index`,
    [field, ...params],
  );
  return rows;
}

/** GPUs whose newest temperature, still fresh, is above the threshold. */
export async function hotGpus(p: ParamsOf<"gpu_temperature">, ctx: CollectContext): Promise<Sample[]> {
  const rows = await latestOf(readingFields.tempC, `l.value > $2 AND l.at >= $3`, [
    p.thresholdC,
    staleBefore(ctx.now, ctx.staleAfterMinutes),
  ]);
  return rows.map((r) => ({
    labels: gpuLabels(r),
    value: r.value,
    summary: `${where(r)} is at ${r.value} °C (over ${p.thresholdC} °C)`,
    summaryCode: coded("alert.gpuTemperature", {
      ...whereParams(r),
      tempC: String(r.value),
      thresholdC: String(p.thresholdC),
    }),
    link: gpuLink(r),
  }));
}

/**
 * GPUs reporting an XID. dcgm keeps the last XID until the driver is reset, so
 * an XID an operator accepted when clearing the GPU (its health baseline) no
 * longer alerts; a different one does. Staleness does not end the alert: a GPU
 * that fell off the bus (79) stops reporting.
 */
export async function gpusWithXid(p: ParamsOf<"gpu_xid">): Promise<Sample[]> {
  const rows = await latestOf(
    readingFields.xid,
    `l.value <> 0 AND (g."healthBaseline"->>'xid') IS DISTINCT FROM l.value::int::text
     AND (cardinality($2::int[]) = 0 OR l.value::int = ANY($2::int[]))`,
    [p.xids],
  );
  return rows.map((r) => {
    const xid = Number(r.value);
    const meaning = drainXids[xid] ? `: ${drainXids[xid]}` : "";
    return {
      labels: { ...gpuLabels(r), xid: String(xid) },
      value: xid,
      summary: `XID ${xid} on ${where(r)}${meaning}`,
      summaryCode: coded("alert.gpuXid", {
        ...whereParams(r),
        xid: String(xid),
        meaning: drainXidMeanings[xid] ?? "none",
      }),
      link: gpuLink(r),
    };
  });
}

/** GPUs of active servers whose telemetry went silent (and, if asked, those that never reported). */
export async function staleGpus(p: ParamsOf<"gpu_stale">, ctx: CollectContext): Promise<Sample[]> {
  const { rows } = await getPool().query<GpuRow & { at: Date | null }>(
    `SELECT ${GPU_COLUMNS}, NULL::float AS value, ls.at ${GPU_JOIN}
     LEFT JOIN "GpuLastSeen" ls ON ls."gpuId" = g.id
     WHERE s.status = 'active' AND (ls.at < $1 OR ($2 AND ls.at IS NULL))
     ORDER BY s.hostname, g.index`,
    [staleBefore(ctx.now, ctx.staleAfterMinutes), p.includeNeverSeen],
  );
  return rows.map((r) => {
    const minutes = r.at ? Math.floor((ctx.now.getTime() - r.at.getTime()) / 60_000) : null;
    return {
      labels: gpuLabels(r),
      value: minutes,
      summary:
        minutes === null
          ? `${where(r)} has never sent telemetry`
          : `${where(r)} has sent no telemetry for ${minutes} min`,
      summaryCode:
        minutes === null
          ? coded("alert.gpuNeverSeen", whereParams(r))
          : coded("alert.gpuStale", { ...whereParams(r), minutes: String(minutes) }),
      link: gpuLink(r),
    };
  });
}

/** Active servers none of whose GPUs has reported within the stale threshold (but which did report once). */
export async function silentServers(_p: ParamsOf<"server_silent">, ctx: CollectContext): Promise<Sample[]> {
  const { rows } = await getPool().query<{ hostname: string; rack: string; site: string; last: Date; gpus: number }>(
    `SELECT s.hostname, r.name AS rack, si.name AS site, max(ls.at) AS last, count(g.id)::int AS gpus
     FROM "Server" s
     JOIN "Rack" r ON r.id = s."rackId"
     JOIN "Site" si ON si.id = r."siteId"
     JOIN "Gpu" g ON g."serverId" = s.id
     LEFT JOIN "GpuLastSeen" ls ON ls."gpuId" = g.id
     WHERE s.status = 'active'
     GROUP BY s.hostname, r.name, si.name
     HAVING max(ls.at) < $1
     ORDER BY s.hostname`,
    [staleBefore(ctx.now, ctx.staleAfterMinutes)],
  );
  return rows.map((r) => {
    const minutes = Math.floor((ctx.now.getTime() - r.last.getTime()) / 60_000);
    return {
      labels: { hostname: r.hostname, rack: r.rack, site: r.site },
      value: minutes,
      summary: `${r.hostname}: none of its ${r.gpus} GPUs has sent telemetry for ${minutes} min`,
      summaryCode: coded("alert.serverSilent", {
        hostname: r.hostname,
        gpus: String(r.gpus),
        minutes: String(minutes),
      }),
      link: `/servers/${encodeURIComponent(r.hostname)}`,
    };
  });
}
