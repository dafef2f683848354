import { describe, expect, it } from "vitest";
import { getOpenApiDocument } from "../../../lib/openapi/document";

describe("energy endpoints in the OpenAPI document", () => {
  it("describes every energy endpoint with its roles and parameters", () => {
    const paths = getOpenApiDocument().paths as Record<
      string,
      Record<string, { parameters?: { name: string }[]; security?: unknown[] }>
    >;
    const energy = Object.keys(paths)
      .filter((p) => p.startsWith("/api/v1/energy/"))
      .sort();
    expect(energy).toEqual([
      "/api/v1/energy/alerts",
      "/api/v1/energy/breakdown",
      "/api/v1/energy/carbon-intensity",
      "/api/v1/energy/jobs/{jobId}",
      "/api/v1/energy/meters",
      "/api/v1/energy/racks",
      "/api/v1/energy/readings",
      "/api/v1/energy/summary",
      "/api/v1/energy/summary.csv",
      "/api/v1/energy/tariffs/{site}",
    ]);
    expect(paths["/api/v1/energy/summary"]!.get!.parameters!.map((p) => p.name)).toEqual([
      "site",
      "from",
      "to",
      "maxGapMinutes",
      "format",
    ]);
    expect(Object.keys(paths["/api/v1/energy/tariffs/{site}"]!)).toEqual(["get", "put"]);
  });
});
