import { db } from "../db";

export type SiteOverview = {
  name: string;
  timezone: string;
  racks: number;
  servers: number;
  gpus: number;
  powerCapKw: number;
};

type SiteOverviewRow = {
  name: string;
  timezone: string;
  racks: number;
  servers: number;
  gpus: number;
  powerCapKw: number;
};

/**
 * Per-site counts for the overview page. One query with correlated subqueries:
 * joining racks → servers → GPUs and grouping once would multiply the rack power
 * caps by the number of GPUs behind them.
 */
export async function listSiteOverviews(): Promise<SiteOverview[]> {
  const rows = await db.$queryRaw<SiteOverviewRow[]>`
    SELECT s."name", s."timezone",
      (SELECT COUNT(*) FROM "Rack" r WHERE r."siteId" = s."id")::int AS "racks",
      (SELECT COUNT(*) FROM "Server" sv JOIN "Rack" r ON r."id" = sv."rackId" WHERE r."siteId" = s."id")::int AS "servers",
      (SELECT COUNT(*) FROM "Gpu" g JOIN "Server" sv ON sv."id" = g."serverId" JOIN "Rack" r ON r."id" = sv."rackId"
        WHERE r."siteId" = s."id")::int AS "gpus",
      (SELECT COALESCE(SUM(r."powerCapKw"), 0) FROM "Rack" r WHERE r."siteId" = s."id")::float8 AS "powerCapKw"
    FROM "Site" s
    ORDER BY s."name"`;
  return rows.map((r) => ({ ...r }));
}

/** Site names, for filter drop-downs. */
export async function listSiteNames(): Promise<string[]> {
  const sites = await db.site.findMany({ select: { name: true }, orderBy: { name: "asc" } });
  return sites.map((s) => s.name);
}
