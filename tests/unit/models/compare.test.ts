import { describe, expect, it } from "vitest";
import { diffRows, flatten } from "../../../lib/models/compare";
import { coverageOf } from "../../../lib/models/run-energy";
import { identityPreprocessing, signatureOf } from "../../../lib/models/signature";

describe("comparing versions", () => {
  it("flattens nested settings to dotted keys and marks the rows that differ", () => {
    const a = flatten({ optimizer: "adam", model: { hidden: [16, 8], dropout: 0 }, earlyStopping: "off" });
    const b = flatten({ optimizer: "adam", model: { hidden: [32], dropout: 0 }, lrSchedule: { type: "step" } });
    expect(diffRows([a, b])).toEqual([
      { key: "earlyStopping", values: ["off", null], differs: true },
      { key: "lrSchedule.type", values: [null, "step"], differs: true },
      { key: "model.dropout", values: [0, 0], differs: false },
      { key: "model.hidden", values: ["16, 8", "32"], differs: true },
      { key: "optimizer", values: ["adam", "adam"], differs: false },
    ]);
    expect(diffRows([a, null])[0]).toEqual({ key: "earlyStopping", values: ["off", null], differs: true });
  });
});

describe("a version's energy coverage", () => {
  it("is the share of allocated GPU time outside the reported gaps", () => {
    const gpu = (from: string, to: string, gaps: { from: string; to: string }[]) => ({
      uuid: "u",
      hostname: null,
      site: null,
      from,
      to,
      kwh: 0.5,
      method: "power" as const,
      gaps,
      coarse: [],
    });
    const energy = {
      jobId: "j",
      from: "2026-12-01T00:00:00Z",
      to: "2026-12-01T02:00:00Z",
      kwh: 1,
      cost: null,
      currency: null,
      co2eKg: null,
      gpus: [
        gpu("2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z", [
          { from: "2026-12-01T00:00:00Z", to: "2026-12-01T00:30:00Z" },
        ]),
        gpu("2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z", []),
      ],
    };
    expect(coverageOf(energy)).toBe(3.5 / 4);
    expect(coverageOf({ ...energy, gpus: [] })).toBeNull();
  });
});

describe("signatures", () => {
  it("derives the signature from the preprocessing, and an identity preprocessing from a signature", () => {
    const signature = {
      features: [
        { name: "glucose", type: "numeric" as const, missingValues: [0] },
        { name: "region", type: "categorical" as const, categories: ["eu", "us"] },
      ],
      target: "outcome",
      labels: ["no", "yes"],
    };
    const pre = identityPreprocessing(signature);
    expect(pre.encodedFeatureNames).toEqual(["glucose", "region=eu", "region=us"]);
    expect(signatureOf(pre)).toEqual(signature);
  });
});
