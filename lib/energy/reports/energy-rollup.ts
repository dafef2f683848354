/** A GPU's energy with where it sits, for rolling up to server, rack and site. */
export type PlacedGpuEnergy = { uuid: string; hostname: string; rack: string; site: string; kwh: number };
export type RollupLevel = "gpu" | "server" | "rack" | "site";

// Racks are named `site/rack`: rack names are unique only within a site (the
// same form RackRef accepts everywhere else in the API).
const keyOf: Record<RollupLevel, (g: PlacedGpuEnergy) => string> = {
  gpu: (g) => g.uuid,
  server: (g) => g.hostname,
  rack: (g) => `${g.site}/${g.rack}`,
  site: (g) => g.site,
};

/** Sums GPU energy per server, rack or site; largest first, ties by name. */
export function rollUpEnergyKwh(gpus: PlacedGpuEnergy[], by: RollupLevel): { name: string; kwh: number }[] {
  const totals = new Map<string, number>();
  for (const g of gpus) totals.set(keyOf[by](g), (totals.get(keyOf[by](g)) ?? 0) + g.kwh);
  return [...totals]
    .map(([name, kwh]) => ({ name, kwh }))
    .sort((a, b) => b.kwh - a.kwh || a.name.localeCompare(b.name));
}
