import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "../../../lib/database/pool";
import type { RouteContract } from "../../../lib/http/contract";
import { contractOf, type RouteHandler } from "../../../lib/http/route";
import { FUZZ_RUNS, hostileBody } from "../../support/hostile";
import { tokensByRole } from "../../support/principals";
import { HTTP_METHODS, routeFiles, routeModule } from "../../support/route-files";

/**
 * Every route that takes a body, fed hostile bodies as an admin (the caller
 * who gets furthest): never a 5xx, every refusal in the error shape, and a
 * refused request changes nothing — no row in any table, no audit event.
 * RACKMIND_FUZZ_RUNS inputs per route (npm test: a few dozen; npm run
 * test:faults: 1,000), plus one body over the size limit.
 */

let admin: string;
let snapshotSql: string;

beforeAll(async () => {
  admin = (await tokensByRole()).admin;
  const { rows } = await getPool().query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations'
      ORDER BY 1`,
  );
  snapshotSql = rows.map((r) => `SELECT '${r.name}' AS t, count(*)::int AS n FROM "${r.name}"`).join(" UNION ALL ");
});

/** Every table's row count: what a refused request must leave as it found it. */
const snapshot = async () =>
  Object.fromEntries((await getPool().query<{ t: string; n: number }>(snapshotSql)).rows.map((r) => [r.t, r.n]));

/** Path parameters the contract's own schema accepts, so the body is what gets checked. */
function paramsFor(contract: RouteContract, file: string): Record<string, unknown> {
  const names = [...contract.path.matchAll(/\{(\w+)\}/g)].map(([, n]) => n!);
  const catchAll = /\[\.\.\.[^\]]+\]/.test(file);
  for (const value of ["fuzz-probe", randomUUID(), "1", "GPU-00000000-0000-0000-0000-000000000000"]) {
    const params = Object.fromEntries(names.map((n) => [n, catchAll ? ["fuzz", value] : value]));
    if (!contract.params || contract.params.safeParse(params).success) return params;
  }
  return Object.fromEntries(names.map((n) => [n, "fuzz-probe"]));
}

function bodyKeys(contract: RouteContract): string[] {
  const shape = (contract.body as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

async function send(
  handler: RouteHandler,
  contract: RouteContract,
  params: Record<string, unknown>,
  bytes: Uint8Array,
): Promise<{ status: number; text: string }> {
  const mediaType = contract.rawBody?.mediaTypes[0] ?? "application/json";
  const req = new Request(`http://rackmind.test${contract.path.replace(/\{\w+\}/g, "fuzz-probe")}`, {
    method: contract.method.toUpperCase(),
    headers: {
      authorization: `Bearer ${admin}`,
      "content-type": mediaType,
      // A coding the contract names (remote-write's snappy) is sent, so the hostile bytes reach its decoder.
      ...(contract.rawBody?.contentEncoding ? { "content-encoding": contract.rawBody.contentEncoding } : {}),
    },
    body: bytes as unknown as BodyInit,
  });
  const res = await handler(req, { params: Promise.resolve(params as Record<string, string | string[]>) });
  return { status: res.status, text: await res.text() };
}

function expectErrorShape(text: string, where: string) {
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, where).toBe("string");
  expect(typeof body.error?.message, where).toBe("string");
}

const targets = async () => {
  const out: { handler: RouteHandler; contract: RouteContract; file: string }[] = [];
  for (const route of routeFiles()) {
    const mod = await routeModule(route.file);
    for (const method of HTTP_METHODS) {
      const contract = contractOf(mod[method]);
      if (contract && (contract.body || contract.rawBody) && contract.permission !== null)
        out.push({ handler: mod[method] as RouteHandler, contract, file: route.file });
    }
  }
  return out;
};

describe("fuzzing every route that takes a body", () => {
  it(
    "never answers 5xx, refuses in the error shape, and a refusal writes nothing",
    async () => {
      const routes = await targets();
      expect(routes.length).toBeGreaterThan(40);
      let tried = 0;
      // Inputs tried and the statuses they got, per route: written for the record (.test-tmp/fuzz-routes-<db>.json).
      const report: Record<string, { inputs: number; statuses: Record<string, number> }> = {};
      for (const { handler, contract, file } of routes) {
        const op = `${contract.method.toUpperCase()} ${contract.path}`;
        const seen = (report[op] = { inputs: 0, statuses: {} as Record<string, number> });
        const params = paramsFor(contract, file);
        await fc.assert(
          fc.asyncProperty(hostileBody(bodyKeys(contract)), async ({ bytes, note }) => {
            tried++;
            const before = await snapshot();
            const { status, text } = await send(handler, contract, params, bytes);
            seen.inputs++;
            seen.statuses[status] = (seen.statuses[status] ?? 0) + 1;
            const where = `${op} (${note}) → ${status}: ${text.slice(0, 200)}`;
            // A prediction that passes the web's checks goes to the serving process, which this test has
            // not started: the honest answer is 503 unavailable (serving checks the instances again).
            const toServing = op.endsWith("/predict") && status === 503 && text.includes('"code":"unavailable"');
            if (!toServing) expect(status, where).toBeLessThan(500);
            if (status >= 400) {
              expectErrorShape(text, where);
              expect(await snapshot(), `${where}: a refused request changed the database`).toEqual(before);
            }
          }),
          { numRuns: FUZZ_RUNS, seed: Number(process.env.RACKMIND_FUZZ_SEED ?? 20261206), endOnFailure: true },
        );
        const before = await snapshot();
        // 10 MB of "{": over the JSON limit (413); a telemetry page may be bigger, and its bad lines are counted.
        const huge = await send(handler, contract, params, new Uint8Array(10 * 1024 * 1024).fill(0x7b));
        seen.inputs++;
        seen.statuses[huge.status] = (seen.statuses[huge.status] ?? 0) + 1;
        expect(huge.status, `${op} with 10 MB`).toBeLessThan(500);
        if (huge.status >= 400) {
          expectErrorShape(huge.text, `${op} with 10 MB`);
          expect(await snapshot()).toEqual(before);
        }
      }
      expect(tried).toBeGreaterThanOrEqual(routes.length * FUZZ_RUNS);
      const out = path.join(process.cwd(), ".test-tmp");
      mkdirSync(out, { recursive: true });
      writeFileSync(
        path.join(out, `fuzz-routes-${process.env.RACKMIND_TEST_DB ?? "db"}.json`),
        JSON.stringify({ runsPerRoute: FUZZ_RUNS, routes: report }, null, 2),
      );
      // Each input is a request and two snapshots of every table: about 60 ms on PGlite, so the budget follows the runs.
    },
    Math.max(900_000, FUZZ_RUNS * 120 * 100),
  );
});
