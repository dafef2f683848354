import { coded } from "../../i18n/coded-text";
import { db } from "../../db";
import { toEnergySite } from "../../energy/pricing/site-context";
import { pueAboveTarget, racksOverCap } from "../../energy/reports/alert-rules";
import { listRackPower } from "../../energy/reports/rack-power";
import { getSitePue } from "../../energy/reports/summary";
import type { ParamsOf } from "../schemas";
import type { CollectContext, Sample } from "./sample";

// The energy report's own checks (lib/energy/reports/alert-rules.ts), so the
// Energy page and the alerts never disagree on what is over.

export async function racksNearCap(p: ParamsOf<"rack_power">, ctx: CollectContext): Promise<Sample[]> {
  const racks = await listRackPower({ maxAgeMinutes: p.maxAgeMinutes }, ctx.now);
  return racksOverCap(racks, p.capPct).flatMap((f) =>
    f.kind === "rack_power_over_cap"
      ? [
          {
            labels: { site: f.site, rack: f.rack },
            value: f.capUsedPct,
            summary: `Rack ${f.site}/${f.rack} draws ${(f.powerW / 1000).toFixed(1)} kW, ${f.capUsedPct}% of its ${(f.capW / 1000).toFixed(1)} kW cap (over ${p.capPct}%)`,
            summaryCode: coded("alert.rackPower", {
              site: f.site,
              rack: f.rack,
              kw: (f.powerW / 1000).toFixed(1),
              pct: String(f.capUsedPct),
              capKw: (f.capW / 1000).toFixed(1),
              over: String(p.capPct),
            }),
            link: `/racks/${encodeURIComponent(f.site)}/${encodeURIComponent(f.rack)}`,
          },
        ]
      : [],
  );
}

/** Sites whose PUE over the last `windowHours` is above target; a site whose PUE is not known raises nothing. */
export async function sitesOverPue(p: ParamsOf<"site_pue">, ctx: CollectContext): Promise<Sample[]> {
  const toMs = ctx.now.getTime();
  const fromMs = toMs - p.windowHours * 3_600_000;
  const out: Sample[] = [];
  for (const row of await db.site.findMany({ orderBy: { name: "asc" } })) {
    const site = toEnergySite(row);
    for (const f of pueAboveTarget(site.name, await getSitePue(site, fromMs, toMs, ctx.now), p.target, fromMs, toMs)) {
      if (f.kind !== "pue_above_target") continue;
      out.push({
        labels: { site: f.site },
        value: f.pue,
        summary: `Site ${f.site}: PUE ${f.pue.toFixed(2)} over the last ${p.windowHours} h (target ${p.target})`,
        summaryCode: coded("alert.sitePue", {
          site: f.site,
          pue: f.pue.toFixed(2),
          hours: String(p.windowHours),
          target: String(p.target),
        }),
        link: `/energy?site=${encodeURIComponent(f.site)}`,
      });
    }
  }
  return out;
}
