import { validate, compileErrors } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { contractOf } from "../../../lib/http/route";
import { routeContracts } from "../../../lib/http/contracts/catalog";
import { CATCH_ALL_TAILS, endpointMethods } from "../../../lib/http/endpoint-table";
import { getOpenApiDocument } from "../../../lib/openapi/document";
import { HTTP_METHODS as METHODS, routeFiles, routeModule } from "../../support/route-files";

// Each endpoint is defined once: the handler Next serves and the operation in
// /api/openapi.json come from the same contract. These tests walk the route
// files as Next does and hold the document to them in both directions.

/** `METHOD /path` of every handler exported by the route files, each checked to be made by defineRoute. */
async function servedOperations(): Promise<{ served: string[]; bypassing: string[] }> {
  const served: string[] = [];
  const bypassing: string[] = [];
  for (const route of routeFiles()) {
    const mod = await routeModule(route.file);
    for (const method of METHODS) {
      if (!(method in mod)) continue;
      const contract = contractOf(mod[method]);
      if (!contract) {
        bypassing.push(`${method} ${route.file}`);
        continue;
      }
      // The contract must describe the file it serves, not another endpoint's path or method.
      expect(`${contract.method.toUpperCase()} ${contract.path}`, route.file).toBe(`${method} ${route.path}`);
      served.push(`${method} ${route.path}`);
    }
  }
  return { served: served.sort(), bypassing };
}

function documentedOperations(): string[] {
  const paths = getOpenApiDocument().paths ?? {};
  return Object.entries(paths)
    .flatMap(([p, item]) => Object.keys(item ?? {}).map((m) => `${m.toUpperCase()} ${p}`))
    .filter((op) => METHODS.some((m) => op.startsWith(`${m} `)))
    .sort();
}

describe("route catalog", () => {
  it("serves every route file's methods through defineRoute, and documents exactly those", async () => {
    const { served, bypassing } = await servedOperations();
    expect(bypassing, "handlers not made by defineRoute (so not in the document)").toEqual([]);
    expect(served.length).toBeGreaterThan(60);
    const documented = documentedOperations();
    expect(
      served.filter((op) => !documented.includes(op)),
      "served but not in /api/openapi.json",
    ).toEqual([]);
    expect(
      documented.filter((op) => !served.includes(op)),
      "in /api/openapi.json but no route file serves it",
    ).toEqual([]);
  }, 60_000);

  it("gives the edge the same paths and methods as the contracts (lib/http/endpoint-table.ts)", () => {
    const fromContracts: Record<string, string[]> = {};
    for (const [, c] of routeContracts()) (fromContracts[c.path] ??= []).push(c.method.toUpperCase());
    const expected = Object.fromEntries(
      Object.entries(fromContracts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([p, m]) => [p, m.sort()]),
    );
    const printed = Object.entries(expected)
      .map(([p, m]) => `  "${p}": [${m.map((x) => `"${x}"`).join(", ")}],`)
      .join("\n");
    expect(endpointMethods, `endpoint-table.ts is out of date; its table should read:\n${printed}`).toEqual(expected);
    const catchAlls = routeFiles()
      .filter((r) => /\[\.\.\.[^\]]+\][/\\]route\.ts$/.test(r.file))
      .map((r) => r.path);
    expect([...CATCH_ALL_TAILS].sort()).toEqual(catchAlls.sort());
  });

  it("documents every telemetry endpoint (they were missing from the hand-kept document)", () => {
    const telemetry = documentedOperations().filter((op) => op.includes("/api/v1/telemetry/"));
    expect(telemetry).toEqual([
      "DELETE /api/v1/telemetry/targets/{id}",
      "GET /api/v1/telemetry/scrape-networks",
      "GET /api/v1/telemetry/settings",
      "GET /api/v1/telemetry/targets",
      "PATCH /api/v1/telemetry/targets/{id}",
      "POST /api/v1/telemetry/dcgm",
      "POST /api/v1/telemetry/remote-write",
      "POST /api/v1/telemetry/targets",
      "PUT /api/v1/telemetry/scrape-networks",
      "PUT /api/v1/telemetry/settings",
    ]);
  });

  it("gives every contract a distinct operation id and names its error statuses", () => {
    const contracts = routeContracts();
    expect(new Set(contracts.map(([id]) => id)).size).toBe(contracts.length);
    const doc = getOpenApiDocument();
    for (const [id, c] of contracts) {
      const op = (doc.paths?.[c.path] as Record<string, { operationId: string; responses: Record<string, unknown> }>)[
        c.method
      ]!;
      expect(op.operationId).toBe(id);
      expect(Object.keys(op.responses)).toContain(String(c.response.status));
      if (c.permission !== null) expect(Object.keys(op.responses), id).toEqual(expect.arrayContaining(["401", "403"]));
    }
  });
});

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by a maintained validator, with no errors and no warnings", async () => {
    // validate() dereferences in place: give it a copy, not the cached document the API serves.
    const doc = structuredClone(getOpenApiDocument());
    const result = await validate(doc as Parameters<typeof validate>[0]);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.specification).toBe("OpenAPI");
    expect(result.warnings).toEqual([]);
  });

  it("is caught out by the validator when broken (the check can fail)", async () => {
    const doc = structuredClone(getOpenApiDocument()) as unknown as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    // Two operations with one id: OpenAPI requires them unique.
    doc.paths["/api/v1/jobs"]!.get!.operationId = "submitJob";
    const result = await validate(doc as unknown as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(false);
  });
});
