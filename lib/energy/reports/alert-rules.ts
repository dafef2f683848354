import type { EnergyFindingOut, RackPowerOut } from "../schemas";

/** Racks drawing more than `thresholdPct` % of their power cap (racks without a cap never are). */
export function racksOverCap(racks: RackPowerOut[], thresholdPct: number): EnergyFindingOut[] {
  return racks
    .filter((r) => r.powerCapKw !== null && r.capUsedPct !== null && r.capUsedPct > thresholdPct)
    .map((r) => ({
      kind: "rack_power_over_cap" as const,
      site: r.site,
      rack: r.rack,
      powerW: r.powerW,
      capW: r.powerCapKw! * 1000,
      capUsedPct: r.capUsedPct!,
      thresholdPct,
      at: r.at,
    }));
}

/** A site whose PUE over the window is above `target`; nothing when PUE is unknown. */
export function pueAboveTarget(
  site: string,
  pue: number | null,
  target: number,
  fromMs: number,
  toMs: number,
): EnergyFindingOut[] {
  if (pue === null || pue <= target) return [];
  return [
    {
      kind: "pue_above_target",
      site,
      pue: Math.round(pue * 10_000) / 10_000,
      target,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
    },
  ];
}
