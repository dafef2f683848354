import { describe, expect, it } from "vitest";
import { methodsAt } from "../../../lib/http/endpoint-match";

describe("the edge's endpoint matching", () => {
  it("finds the methods of static and parameterised paths, preferring the static one as Next does", () => {
    expect(methodsAt("/api/v1/sites")).toEqual(["GET", "POST"]);
    expect(methodsAt("/api/v1/sites/")).toEqual(["GET", "POST"]);
    expect(methodsAt("/api/v1/alert-rules/GpuHot")).toEqual(["DELETE", "GET", "PATCH"]);
    expect(methodsAt("/api/v1/alerts/groups")).toEqual(["GET"]);
  });

  it("lets a catch-all parameter span segments, and no other", () => {
    expect(methodsAt("/api/v1/racks/ams1/ams1-r01")).toEqual(["DELETE", "GET", "PATCH"]);
    expect(methodsAt("/api/v1/alert-rules/a/b")).toBeNull();
  });

  it("has no endpoint for unknown paths, prefixes or look-alikes", () => {
    for (const p of ["/api", "/api/v1", "/api/v2/sites", "/api/v1/sitesx", "/api/openapi-json", "/api/v1/../v1/sites"])
      expect(methodsAt(p), p).toBeNull();
  });
});
