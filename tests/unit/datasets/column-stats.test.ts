import { describe, expect, it } from "vitest";
import {
  categoricalHistogram,
  iqrFences,
  median,
  mode,
  numericHistogram,
  numericStats,
  quantileSorted,
  std,
} from "../../../lib/datasets/column-stats";
import { getOpenApiDocument } from "../../../lib/openapi/document";

describe("column statistics", () => {
  it("interpolates quantiles linearly, as NumPy does", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });

  it("breaks mode ties towards the smallest number or first string", () => {
    expect(mode([3, 1, 3, 1, 2])).toBe(1);
    expect(mode(["red", "blue", "red", "blue"])).toBe("blue");
    expect(mode([])).toBeUndefined();
  });

  it("uses the population standard deviation", () => {
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });

  it("puts Tukey's fences 1.5 IQR outside the quartiles", () => {
    expect(iqrFences(numericStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])!)).toEqual({ lower: -3.5, upper: 14.5 });
  });

  it("bins numbers into equal widths, the maximum in the last bin, one bin per distinct value when fewer than 20", () => {
    const values = [1, 2, 2, 3, 3, 3, 10];
    const h = numericHistogram(values, { min: 1, max: 10 }, 4);
    expect(h).toEqual({ kind: "numeric", edges: [1, 3.25, 5.5, 7.75, 10], counts: [6, 0, 0, 1] });
    expect(numericHistogram([4, 4], { min: 4, max: 4 }, 1)).toEqual({ kind: "numeric", edges: [4, 4], counts: [2] });
  });

  it("counts categories most frequent first and sums the tail beyond 20 as (other)", () => {
    const values = [...Array.from({ length: 25 }, (_, i) => `k${String(i).padStart(2, "0")}`), "k00", "k00"];
    const h = categoricalHistogram(values);
    expect(h.kind === "categorical" && h.labels[0]).toBe("k00");
    expect(h.kind === "categorical" && h.labels.at(-1)).toBe("(other)");
    expect(h.counts.at(-1)).toBe(5);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(27);
  });
});

describe("datasets in the OpenAPI document", () => {
  it("describes the upload with its query options and the read endpoints", () => {
    const paths = getOpenApiDocument().paths as Record<
      string,
      Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>
    >;
    expect(
      Object.keys(paths)
        .filter((p) => p.startsWith("/api/v1/datasets"))
        .sort(),
    ).toEqual([
      "/api/v1/datasets",
      "/api/v1/datasets/{name}",
      "/api/v1/datasets/{name}/versions",
      // The registry's reverse lineage: model versions trained on a dataset version.
      "/api/v1/datasets/{name}/versions/{version}/models",
    ]);
    const upload = paths["/api/v1/datasets"]!.post!;
    expect(upload.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "name",
        "header",
        "target",
        "columns",
        "ignore",
        "zeroMissing",
        "impute",
        "missing",
        "normalisation",
        "delimiter",
      ]),
    );
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(["201", "413", "415", "422"]));
  });
});
