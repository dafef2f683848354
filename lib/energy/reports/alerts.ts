import { db } from "../../db";
import { pueAboveTarget, racksOverCap } from "./alert-rules";
import { listRackPower } from "./rack-power";
import type { AlertsQuery, EnergyFindingOut } from "../schemas";
import { toEnergySite } from "../pricing/site-context";
import { getSitePue } from "./summary";
import { MS_PER_HOUR } from "../units";

/**
 * Energy alert hook points, evaluated now: racks over a share of their power
 * cap (latest GPU power) and sites whose PUE over the last window is above
 * target. Returns findings only; the alerts issue decides whom to tell.
 */
export async function findEnergyAlerts(q: AlertsQuery, now = new Date()): Promise<EnergyFindingOut[]> {
  const findings = racksOverCap(await listRackPower({ maxAgeMinutes: 15 }, now), q.rackCapPct);
  const toMs = now.getTime();
  const fromMs = toMs - q.pueWindowHours * MS_PER_HOUR;
  for (const row of await db.site.findMany({ orderBy: { name: "asc" } })) {
    const site = toEnergySite(row);
    findings.push(...pueAboveTarget(site.name, await getSitePue(site, fromMs, toMs, now), q.pueTarget, fromMs, toMs));
  }
  return findings;
}
