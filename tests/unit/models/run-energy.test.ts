import { describe, expect, it } from "vitest";
import type { JobEnergyOut } from "../../../lib/energy/schemas";
import { coverageOf, toVersionEnergy } from "../../../lib/models/run-energy";

const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 13, 0, s)).toISOString();

function gpu(uuid: string, kwh: number, gaps: JobEnergyOut["gpus"][number]["gaps"] = []): JobEnergyOut["gpus"][number] {
  return { uuid, hostname: "node-a", site: "lab", from: at(0), to: at(12), kwh, method: "power", gaps, coarse: [] };
}

function energy(gpus: JobEnergyOut["gpus"]): JobEnergyOut {
  const kwh = gpus.reduce((n, g) => n + g.kwh, 0);
  return { jobId: "j", from: at(0), to: at(12), kwh, cost: kwh * 0.2, currency: "USD", co2eKg: kwh * 0.3, gpus };
}

describe("a run's energy as its version records it", () => {
  it("is not known when the GPUs report power but no sample fell within a run shorter than the scrape interval", () => {
    const out = toVersionEnergy(energy([gpu("GPU-a", 0)]), new Date(), 1);
    expect(out).toMatchObject({ kwh: null, co2eKg: null, cost: null, coverage: 0 });
    expect(out.note).toMatch(/not known/);
  });

  it("counts only the GPUs a sample covered, and says so", () => {
    const out = toVersionEnergy(energy([gpu("GPU-a", 0.001), gpu("GPU-b", 0)]), new Date(), 2);
    expect(out.kwh).toBe(0.001);
    expect(out.coverage).toBeCloseTo(0.5, 6);
    expect(out.note).toMatch(/Only 1 of the 2 GPUs reported power/);
  });

  it("is complete when every GPU was measured over its whole allocation", () => {
    const out = toVersionEnergy(energy([gpu("GPU-a", 0.001)]), new Date(), 1);
    expect(out).toMatchObject({ kwh: 0.001, coverage: 1, note: null });
  });

  it("takes a reported gap off the coverage", () => {
    expect(coverageOf(energy([gpu("GPU-a", 0.001, [{ from: at(0), to: at(3) }])]))).toBeCloseTo(0.75, 6);
  });
});
