import { chooseRollup, readGpuEnergyBySite, SITE_FINE_MAX_SPAN_MS } from "../profiles/gpu-power";
import { rollUpEnergyKwh } from "./energy-rollup";
import type { BreakdownOut, BreakdownQuery } from "../schemas";
import { getEnergySiteOrThrow } from "../pricing/site-context";
import { resolveRange } from "./summary";
import { roundKwh } from "../units";

/** A site's GPU energy over [from, to) per rack, server or GPU (from 1-minute or 1-hour power means), largest first. */
export async function getEnergyBreakdown(q: BreakdownQuery, now = new Date()): Promise<BreakdownOut> {
  const site = await getEnergySiteOrThrow(q.site);
  const { fromMs, toMs } = resolveRange(q, now);
  const rows = await readGpuEnergyBySite(
    site.id,
    await chooseRollup(fromMs, toMs, now.getTime(), SITE_FINE_MAX_SPAN_MS),
    fromMs,
    toMs,
  );
  const items = rollUpEnergyKwh(
    rows.map((r) => ({ ...r, site: site.name })),
    q.by,
  );
  return {
    site: site.name,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    by: q.by,
    totalKwh: roundKwh(items.reduce((n, i) => n + i.kwh, 0)),
    items: items.map((i) => ({ name: i.name, kwh: roundKwh(i.kwh) })),
  };
}
