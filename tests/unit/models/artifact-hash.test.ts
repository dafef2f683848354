import { describe, expect, it } from "vitest";
import { artifactSha256, canonicalJson } from "../../../lib/models/artifact-hash";
import type { ModelArtifactParts } from "../../../lib/models/artifact";

const parts = (): ModelArtifactParts => ({
  modelTopology: { class_name: "Sequential", config: { layers: [{ units: 3, name: "d" }] } },
  weightSpecs: [{ name: "d/kernel", shape: [2, 3], dtype: "float32" }],
  weights: new Uint8Array([1, 2, 3, 4, 5]),
  preprocessing: {
    inputColumns: ["a"],
    features: [],
    encodedFeatureNames: ["a"],
    target: "y",
    classes: ["0", "1"],
  },
});

describe("artifact hashes", () => {
  it("writes JSON with sorted keys at every depth, arrays in order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: 0.1 })).toBe('{"b":0.1}');
  });

  it("hashes the same model the same whatever order its JSON keys came back in (jsonb reorders them)", () => {
    const a = parts();
    const b = parts();
    b.modelTopology = { config: { layers: [{ name: "d", units: 3 }] }, class_name: "Sequential" };
    expect(artifactSha256(a)).toBe(artifactSha256(b));
    expect(artifactSha256(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with one weight bit, a layer size, or the preprocessing", () => {
    const base = artifactSha256(parts());
    const bit = parts();
    bit.weights[0] = 0;
    const units = parts();
    (units.modelTopology as { config: { layers: { units: number }[] } }).config.layers[0]!.units = 4;
    const labels = parts();
    labels.preprocessing.classes = ["1", "0"];
    for (const changed of [bit, units, labels]) expect(artifactSha256(changed)).not.toBe(base);
  });
});
