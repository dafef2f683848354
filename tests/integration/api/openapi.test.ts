import { describe, expect, it } from "vitest";
import * as openapi from "../../../app/api/openapi.json/route";
import * as health from "../../../app/api/health/route";
import { call } from "../../support/http";

describe("service description", () => {
  it("serves OpenAPI 3.1 generated from the zod schemas, covering the contract's endpoints so far", async () => {
    const res = await call(openapi.GET);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    for (const path of [
      "/api/health",
      "/api/metrics",
      "/api/v1/me",
      "/api/v1/tokens",
      "/api/v1/sites",
      "/api/v1/servers",
      "/api/v1/audit",
    ]) {
      expect(res.body.paths).toHaveProperty([path]);
    }
    expect(res.body.paths["/api/v1/tokens"].post.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/CreateTokenInput",
    });
    expect(Object.keys(res.body.components.schemas.Error.properties.error.properties)).toEqual([
      "code",
      "message",
      "details",
    ]);
  });

  it("answers /api/health without credentials, naming the database kind", async () => {
    const res = await call(health.GET);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "ok",
      db: { kind: process.env.RACKMIND_DB_KIND, ok: true },
      version: expect.any(String),
    });
  });
});
