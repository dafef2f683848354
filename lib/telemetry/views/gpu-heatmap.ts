import { getPool } from "../../database/pool";
import { staleBefore } from "../health/freshness";
import { getTelemetrySettings } from "../settings";
import { findFieldId } from "../store/field-ids";
import { readingFields } from "./latest";

/**
 * Every GPU's latest utilisation and temperature, grouped by rack, in compact
 * columns (one array per measure, GPUs in rack → server → index order), for the
 * overview's heat map: a fleet of 8,000 GPUs is ~100 KB, drawn on a canvas,
 * rather than 8,000 elements. A reading older than the stale threshold is null:
 * a silent GPU is shown as no data, never as cool.
 */
export type RackHeat = {
  site: string;
  rack: string;
  /** One entry per server: its hostname and how many GPUs it has (consecutive in the arrays). */
  servers: { hostname: string; gpus: number }[];
  utilPct: (number | null)[];
  tempC: (number | null)[];
};

export type FleetHeatmap = { racks: RackHeat[]; staleAfterMinutes: number; gpus: number; reporting: number };

export async function getFleetHeatmap(now = new Date()): Promise<FleetHeatmap> {
  const { staleAfterMinutes } = await getTelemetrySettings();
  const pool = getPool();
  // Field ids first, so each GPU's two readings are primary-key lookups: no
  // grouping of 8,000 GPUs' every latest value by their text names.
  const [util, temp] = await Promise.all([
    findFieldId(pool, readingFields.utilPct),
    findFieldId(pool, readingFields.tempC),
  ]);
  const { rows } = await pool.query<{
    site: string;
    rack: string;
    hostname: string;
    util: number | null;
    temp: number | null;
  }>(
    `SELECT si.name AS site, r.name AS rack, s.hostname, u.value AS util, t.value AS temp
       FROM "Gpu" g
       JOIN "Server" s ON s.id = g."serverId"
       JOIN "Rack" r ON r.id = s."rackId"
       JOIN "Site" si ON si.id = r."siteId"
       LEFT JOIN "GpuLatest" u ON u."gpuId" = g.id AND u."fieldId" = $1 AND u.at >= $3
       LEFT JOIN "GpuLatest" t ON t."gpuId" = g.id AND t."fieldId" = $2 AND t.at >= $3
      WHERE s.status <> 'retired'
      ORDER BY si.name, r.name, s."positionU" DESC, s.hostname, g.index`,
    [util ?? -1, temp ?? -1, staleBefore(now, staleAfterMinutes)],
  );
  const racks: RackHeat[] = [];
  let reporting = 0;
  for (const row of rows) {
    let rack = racks.at(-1);
    if (!rack || rack.site !== row.site || rack.rack !== row.rack) {
      rack = { site: row.site, rack: row.rack, servers: [], utilPct: [], tempC: [] };
      racks.push(rack);
    }
    const server = rack.servers.at(-1);
    if (server?.hostname === row.hostname) server.gpus++;
    else rack.servers.push({ hostname: row.hostname, gpus: 1 });
    rack.utilPct.push(row.util === null ? null : Math.round(row.util));
    rack.tempC.push(row.temp === null ? null : Math.round(row.temp));
    if (row.util !== null || row.temp !== null) reporting++;
  }
  return { racks, staleAfterMinutes, gpus: rows.length, reporting };
}
