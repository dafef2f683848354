import { getPool } from "../../database/pool";
import { getTelemetrySettings } from "../settings";
import type { GpuHealth } from "../../generated/prisma/enums";
import { readingFields } from "./latest";

/**
 * Read-only views of "GpuLatest" across many GPUs at once: per server for the
 * rack elevation's temperature and power colourings, and per site for the
 * Telemetry page. Raw SQL because the pivot (one row per GPU and field →
 * one value per server) is a GROUP BY with FILTERs that Prisma cannot express.
 */

/** Latest readings of one server's GPUs, summed or maxed across them. */
export type ServerHeat = {
  /** The hottest of its GPUs, °C; null when none reported a temperature. */
  maxTempC: number | null;
  /** Power drawn by all of its GPUs together, W (the GPUs only, not the chassis). */
  totalPowerW: number | null;
  /** How many of its GPUs have a temperature or power reading. */
  gpusReporting: number;
  /** ISO-8601 UTC time of the newest of those readings. */
  at: string;
};

export type SiteTelemetry = {
  site: string;
  gpus: number;
  /** GPUs with any reading newer than the reporting window. */
  gpusReporting: number;
  /** Mean of the reporting GPUs' latest utilisation, %; null when none report it. */
  avgUtilPct: number | null;
  maxTempC: number | null;
  /** Sum of the reporting GPUs' latest power draw, W. */
  totalPowerW: number | null;
};

export type HotGpu = {
  uuid: string;
  hostname: string;
  index: number;
  model: string;
  health: GpuHealth;
  tempC: number;
  at: string;
};

export type FleetTelemetry = {
  /** The window that counts as "reporting", minutes. */
  windowMinutes: number;
  /** The instant the window ends at (ISO-8601 UTC): the time of the query. */
  asOf: string;
  sites: SiteTelemetry[];
  /** The whole fleet, as one row (site "all"). */
  fleet: SiteTelemetry;
  /** The hottest GPUs among those reporting, hottest first. */
  hottest: HotGpu[];
};

const TEMP = readingFields.tempC;
const POWER = readingFields.powerW;
const UTIL = readingFields.utilPct;

/** Per server (by hostname), its GPUs' latest max temperature and total power; servers without telemetry are absent. */
export async function getServerHeat(hostnames: string[]): Promise<Map<string, ServerHeat>> {
  const out = new Map<string, ServerHeat>();
  if (hostnames.length === 0) return out;
  const { rows } = await getPool().query<{
    hostname: string;
    max_temp: number | null;
    total_power: number | null;
    gpus: number;
    at: Date;
  }>(
    `SELECT s.hostname,
            max(l.value) FILTER (WHERE f.name = $2) AS max_temp,
            sum(l.value) FILTER (WHERE f.name = $3) AS total_power,
            count(DISTINCT l."gpuId")::int AS gpus,
            max(l.at) AS at
       FROM "Server" s
       JOIN "Gpu" g ON g."serverId" = s.id
       JOIN "GpuLatest" l ON l."gpuId" = g.id
       JOIN "TelemetryField" f ON f.id = l."fieldId"
      WHERE s.hostname = ANY($1::text[]) AND f.name IN ($2, $3)
      GROUP BY s.hostname`,
    [hostnames, TEMP, POWER],
  );
  for (const r of rows) {
    out.set(r.hostname, {
      maxTempC: r.max_temp,
      totalPowerW: r.total_power,
      gpusReporting: r.gpus,
      at: r.at.toISOString(),
    });
  }
  return out;
}

type SiteRow = {
  site: string;
  gpus: number;
  reporting: number;
  avg_util: number | null;
  max_temp: number | null;
  total_power: number | null;
};

// One row per GPU with its newest reading time over all fields, and its latest
// util/temp/power; GPUs whose newest reading is older than $4 count as silent.
const siteSql = `
  WITH latest AS (
    SELECT l."gpuId",
           max(l.at) AS at,
           max(l.value) FILTER (WHERE f.name = $1) AS util,
           max(l.value) FILTER (WHERE f.name = $2) AS temp,
           max(l.value) FILTER (WHERE f.name = $3) AS power
      FROM "GpuLatest" l JOIN "TelemetryField" f ON f.id = l."fieldId"
     GROUP BY l."gpuId"
  )
  SELECT si.name AS site,
         count(g.id)::int AS gpus,
         count(lt."gpuId") FILTER (WHERE lt.at >= $4)::int AS reporting,
         avg(lt.util) FILTER (WHERE lt.at >= $4) AS avg_util,
         max(lt.temp) FILTER (WHERE lt.at >= $4) AS max_temp,
         sum(lt.power) FILTER (WHERE lt.at >= $4) AS total_power
    FROM "Gpu" g
    JOIN "Server" s ON s.id = g."serverId"
    JOIN "Rack" r ON r.id = s."rackId"
    JOIN "Site" si ON si.id = r."siteId"
    LEFT JOIN latest lt ON lt."gpuId" = g.id
   GROUP BY si.name
   ORDER BY si.name`;

const hottestSql = `
  SELECT g.uuid, g.index, g.model, g.health, s.hostname, l.value AS temp, l.at
    FROM "GpuLatest" l
    JOIN "TelemetryField" f ON f.id = l."fieldId"
    JOIN "Gpu" g ON g.id = l."gpuId"
    JOIN "Server" s ON s.id = g."serverId"
   WHERE f.name = $1 AND l.at >= $2
   ORDER BY l.value DESC, s.hostname, g.index
   LIMIT $3`;

function toSite(r: SiteRow): SiteTelemetry {
  return {
    site: r.site,
    gpus: r.gpus,
    gpusReporting: r.reporting,
    avgUtilPct: r.avg_util,
    maxTempC: r.max_temp,
    totalPowerW: r.total_power,
  };
}

/** Sums the sites into one fleet row; the average utilisation is weighted by each site's reporting GPUs. */
function sumSites(sites: SiteTelemetry[]): SiteTelemetry {
  const reporting = sites.reduce((n, s) => n + s.gpusReporting, 0);
  const withUtil = sites.filter((s) => s.avgUtilPct !== null && s.gpusReporting > 0);
  const utilWeight = withUtil.reduce((n, s) => n + s.gpusReporting, 0);
  const temps = sites.flatMap((s) => (s.maxTempC === null ? [] : [s.maxTempC]));
  const powers = sites.flatMap((s) => (s.totalPowerW === null ? [] : [s.totalPowerW]));
  return {
    site: "all",
    gpus: sites.reduce((n, s) => n + s.gpus, 0),
    gpusReporting: reporting,
    avgUtilPct:
      utilWeight > 0 ? withUtil.reduce((sum, s) => sum + s.avgUtilPct! * s.gpusReporting, 0) / utilWeight : null,
    maxTempC: temps.length > 0 ? Math.max(...temps) : null,
    totalPowerW: powers.length > 0 ? powers.reduce((a, b) => a + b, 0) : null,
  };
}

/**
 * The fleet's telemetry at a glance: per site, how many GPUs reported within
 * the last `windowMinutes` (default: the stale threshold of the telemetry
 * settings, so "reporting" means the same here as everywhere) and their mean utilisation, hottest
 * temperature and total power; plus the `hottestLimit` (default 10) hottest
 * reporting GPUs. Readings older than the window are left out everywhere, so
 * a node that stopped reporting cannot keep the fleet looking hot (or cool).
 */
export async function getFleetTelemetry(
  opts: { windowMinutes?: number; hottestLimit?: number; now?: Date } = {},
): Promise<FleetTelemetry> {
  const windowMinutes = opts.windowMinutes ?? (await getTelemetrySettings()).staleAfterMinutes;
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const pool = getPool();
  const [siteRows, hotRows] = await Promise.all([
    pool.query<SiteRow>(siteSql, [UTIL, TEMP, POWER, since]),
    pool.query<{
      uuid: string;
      index: number;
      model: string;
      health: GpuHealth;
      hostname: string;
      temp: number;
      at: Date;
    }>(hottestSql, [TEMP, since, opts.hottestLimit ?? 10]),
  ]);
  const sites = siteRows.rows.map(toSite);
  return {
    windowMinutes,
    asOf: now.toISOString(),
    sites,
    fleet: sumSites(sites),
    hottest: hotRows.rows.map((r) => ({
      uuid: r.uuid,
      hostname: r.hostname,
      index: r.index,
      model: r.model,
      health: r.health,
      tempC: r.temp,
      at: r.at.toISOString(),
    })),
  };
}
