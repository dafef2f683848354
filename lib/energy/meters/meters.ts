import { getPool } from "../../database/pool";
import { AppError } from "../../errors";
import type { MeterOut, MetersQuery } from "../schemas";

type Row = {
  site: string;
  meter: string;
  scope: MeterOut["scope"];
  kind: MeterOut["kind"];
  readings: number;
  first_at: Date | null;
  last_at: Date | null;
  last_value: number | null;
};

/** The energy meters of a site (or of every site), with how much they have reported and when last. */
export async function listMeters(q: MetersQuery): Promise<MeterOut[]> {
  const pool = getPool();
  if (q.site && (await pool.query(`SELECT 1 FROM "Site" WHERE name = $1`, [q.site])).rowCount === 0) {
    throw new AppError("not_found", `Site ${q.site} does not exist`);
  }
  const { rows } = await pool.query<Row>(
    `SELECT st.name AS site, m.name AS meter, m.scope::text AS scope, m.kind::text AS kind,
            (SELECT count(*)::int FROM "EnergyReading" r WHERE r."meterId" = m.id) AS readings,
            (SELECT min(r."at") FROM "EnergyReading" r WHERE r."meterId" = m.id) AS first_at,
            last.at AS last_at, last.value AS last_value
       FROM "EnergyMeter" m
       JOIN "Site" st ON st.id = m."siteId"
       LEFT JOIN LATERAL (SELECT r."at", coalesce(r."kwhTotal", r."watts") AS value FROM "EnergyReading" r
                           WHERE r."meterId" = m.id ORDER BY r."at" DESC LIMIT 1) last ON true
      WHERE ($1::text IS NULL OR st.name = $1)
      ORDER BY st.name, m.name`,
    [q.site ?? null],
  );
  return rows.map((r) => ({
    site: r.site,
    meter: r.meter,
    scope: r.scope,
    kind: r.kind,
    readings: r.readings,
    firstAt: r.first_at?.toISOString() ?? null,
    lastAt: r.last_at?.toISOString() ?? null,
    lastValue: r.last_value,
  }));
}

/**
 * The site whose meters reported most recently, ties by name; null when no
 * meter has reported. The Energy page opens on it, not on the first site by
 * name, which may have no meters at all. One index probe per meter (the
 * newest reading of each), never a scan of the readings.
 */
export async function findLatestMeteredSite(): Promise<string | null> {
  const { rows } = await getPool().query<{ site: string }>(
    `SELECT st.name AS site FROM "EnergyMeter" m
       JOIN "Site" st ON st.id = m."siteId"
       JOIN LATERAL (SELECT r."at" FROM "EnergyReading" r WHERE r."meterId" = m.id ORDER BY r."at" DESC LIMIT 1) last ON true
      ORDER BY last."at" DESC, st.name ASC LIMIT 1`,
  );
  return rows[0]?.site ?? null;
}
