import { getPool } from "../../database/pool";
import type { EnergyMeterKind, EnergyScope } from "../../generated/prisma/enums";
import type { PowerProfile } from "../profiles/power-profile";
import { counterProfile, powerSamplesProfile } from "../profiles/profiles";

export type SiteMeter = { id: string; name: string; scope: EnergyScope; kind: EnergyMeterKind };

export async function listSiteMeters(siteId: string): Promise<SiteMeter[]> {
  const { rows } = await getPool().query<SiteMeter>(
    `SELECT id, name, scope::text AS scope, kind::text AS kind FROM "EnergyMeter" WHERE "siteId" = $1::uuid ORDER BY name`,
    [siteId],
  );
  return rows;
}

/**
 * A meter's readings in [fromMs, toMs], plus the last two at or before it and
 * the first one at or after, so energy can be interpolated at the range's
 * edges, an interval or gap that spans an edge is seen whole, and a meter read
 * daily has an interval to tell how often it is read even when the range
 * holds none of its readings.
 */
export async function readMeterReadings(
  meterId: string,
  fromMs: number,
  toMs: number,
): Promise<{ atMs: number; value: number }[]> {
  const { rows } = await getPool().query<{ at: Date; value: number }>(
    `SELECT "at", coalesce("kwhTotal", "watts") AS value FROM "EnergyReading"
      WHERE "meterId" = $1::uuid
        AND "at" >= coalesce((SELECT min(p."at") FROM (SELECT "at" FROM "EnergyReading" WHERE "meterId" = $1::uuid AND "at" <= $2 ORDER BY "at" DESC LIMIT 2) p), $2)
        AND "at" <= coalesce((SELECT min("at") FROM "EnergyReading" WHERE "meterId" = $1::uuid AND "at" >= $3), $3)
      ORDER BY "at"`,
    [meterId, new Date(fromMs), new Date(toMs)],
  );
  return rows.map((r) => ({ atMs: r.at.getTime(), value: r.value }));
}

/**
 * A meter's power profile from its readings: a kWh register (every interval
 * counts; longer than `maxGapMs` is coarse) or watts samples (further apart
 * than `maxGapMs` is a gap), per its kind.
 */
export function meterProfile(
  kind: EnergyMeterKind,
  readings: { atMs: number; value: number }[],
  maxGapMs: number,
): PowerProfile {
  return kind === "register"
    ? counterProfile(readings, maxGapMs)
    : powerSamplesProfile(
        readings.map((r) => ({ atMs: r.atMs, watts: r.value })),
        maxGapMs,
      );
}
