import { beforeAll, describe, expect, it } from "vitest";
import { can, type Role } from "../../../lib/auth/permissions";
import { systemPrincipal } from "../../../lib/auth/principal";
import { generateSecret, hashSecret } from "../../../lib/auth/secrets";
import { createApiToken, revokeApiToken } from "../../../lib/auth/tokens";
import { createUser } from "../../../lib/auth/users";
import { db } from "../../../lib/db";
import type { RouteContract } from "../../../lib/http/contract";
import { contractOf, type RouteHandler } from "../../../lib/http/route";
import { tokensByRole } from "../../support/principals";
import { HTTP_METHODS, routeFiles, routeModule } from "../../support/route-files";

/**
 * Every route × every kind of caller, against one table of expected outcomes
 * derived from the routes' own contracts (their permission): a caller the
 * table denies must be refused (401 unauthenticated, 403 forbidden) before
 * anything happens, and a caller it allows must never be. Each call is made
 * with placeholder parameters and an empty body, so an allowed caller gets the
 * route's own 404/422 — and where a write does succeed, it must be audited.
 */

type Caller = "anonymous" | Role | "predict-token" | "revoked-token" | "expired-session";
const CALLERS: Caller[] = [
  "anonymous",
  "viewer",
  "operator",
  "admin",
  "predict-token",
  "revoked-token",
  "expired-session",
];

/** The one table: what each caller may expect of a contract. */
function expected(contract: RouteContract, caller: Caller): "allowed" | 401 | 403 {
  const { permission } = contract;
  if (permission === null) return "allowed";
  if (caller === "anonymous" || caller === "revoked-token" || caller === "expired-session") return 401;
  if (caller === "predict-token") return permission === "deployments.predict" ? "allowed" : 403;
  return can(caller, permission) ? "allowed" : 403;
}

// The data plane: samples, predictions and feedback arrive many times a second and are counted in
// /api/metrics and the deployment's own records, not written to the audit log one by one.
const DATA_PLANE = new Set([
  "POST /api/v1/telemetry/dcgm",
  "POST /api/v1/telemetry/remote-write",
  "POST /api/v1/deployments/{name}/predict",
  "POST /api/v1/deployments/{name}/feedback",
]);

const credentials = {} as Record<Caller, Record<string, string>>;

beforeAll(async () => {
  const roles = await tokensByRole();
  for (const role of ["viewer", "operator", "admin"] as const)
    credentials[role] = { authorization: `Bearer ${roles[role]}` };
  credentials.anonymous = {};
  const predict = await createApiToken({ name: "rbac-predict", role: "operator", scope: "predict" }, systemPrincipal);
  credentials["predict-token"] = { authorization: `Bearer ${predict.token}` };
  const revoked = await createApiToken({ name: "rbac-revoked", role: "admin" }, systemPrincipal);
  await revokeApiToken(revoked.id, systemPrincipal);
  credentials["revoked-token"] = { authorization: `Bearer ${revoked.token}` };
  const user = await createUser(
    { name: "rbac-expired", password: "an expired session's user", role: "admin" },
    systemPrincipal,
  );
  const cookie = generateSecret("rms");
  await db.session.create({
    data: { tokenHash: hashSecret(cookie), userId: user.id, expiresAt: new Date(Date.now() - 60_000), userAgent: null },
  });
  credentials["expired-session"] = { cookie: `rackmind_session=${cookie}` };
});

/** Calls a handler as Next would, without reading a stream it opens (job events). */
async function invoke(handler: RouteHandler, contract: RouteContract, file: string, caller: Caller) {
  const catchAll = /\[\.\.\.[^\]]+\]/.test(file);
  const params = Object.fromEntries(
    [...contract.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, catchAll ? ["rbac", "probe"] : "rbac-probe"]),
  );
  const path = contract.path.replace(/\{\w+\}/g, "rbac-probe");
  const headers = new Headers(credentials[caller]);
  let body: string | undefined;
  if (contract.body) {
    headers.set("content-type", "application/json");
    body = "{}";
  } else if (contract.rawBody) {
    headers.set("content-type", contract.rawBody.mediaTypes[0]!);
    if (contract.rawBody.contentEncoding) headers.set("content-encoding", contract.rawBody.contentEncoding);
    body = "";
  }
  const method = contract.method.toUpperCase();
  const abort = new AbortController();
  const req = new Request(`http://rackmind.test${path}`, { method, headers, body, signal: abort.signal });
  const res = await handler(req, { params: Promise.resolve(params) });
  const isStream = (res.headers.get("content-type") ?? "").startsWith("text/event-stream");
  abort.abort();
  const text = isStream ? (await res.body?.cancel(), "") : await res.text();
  return { status: res.status, text };
}

// Where a wrong permission in a contract would hand out the keys: these need the admin role (to read and write,
// or to write), whatever their contracts say — held here, apart from the contracts. Protected model aliases
// are the service's check (operators move the others), tested in tests/integration/models.
const ADMIN_ONLY = [
  /^\/api\/v1\/users/,
  /^\/api\/v1\/tokens/,
  /^\/api\/v1\/auth\/lockouts/,
  /^\/api\/v1\/audit\/verify/,
];
const ADMIN_WRITES = [
  /^\/api\/v1\/telemetry\/scrape-networks$/,
  /^\/api\/v1\/faults\/settings$/,
  // Receivers are read by everyone with their URLs cut to scheme and host (notifications.test.ts).
  /^\/api\/v1\/receivers/,
];

describe("RBAC matrix", () => {
  it("keeps users, tokens, lockouts, receivers and the SSRF allow-list to admins", async () => {
    const loose: string[] = [];
    for (const route of routeFiles()) {
      const mod = await routeModule(route.file);
      for (const method of HTTP_METHODS) {
        const contract = contractOf(mod[method]);
        if (!contract) continue;
        const adminOnly =
          ADMIN_ONLY.some((re) => re.test(contract.path)) ||
          (method !== "GET" && ADMIN_WRITES.some((re) => re.test(contract.path)));
        if (adminOnly && (contract.permission === null || can("operator", contract.permission)))
          loose.push(`${method} ${contract.path} (${contract.permission})`);
      }
    }
    expect(loose).toEqual([]);
  });

  it("refuses every caller the table denies, never refuses one it allows, and audits every write that succeeds", async () => {
    const leaks: string[] = [];
    const wronglyRefused: string[] = [];
    const unaudited: string[] = [];
    let cells = 0;
    for (const route of routeFiles()) {
      const mod = await routeModule(route.file);
      for (const method of HTTP_METHODS) {
        const contract = contractOf(mod[method]);
        if (!contract) continue;
        for (const caller of CALLERS) {
          const want = expected(contract, caller);
          const auditBefore = await db.auditEvent.count();
          const { status, text } = await invoke(mod[method] as RouteHandler, contract, route.file, caller);
          const cell = `${method} ${contract.path} as ${caller}: ${status}`;
          cells++;
          expect(status, `${cell} ${text.slice(0, 200)}`).toBeLessThan(500);
          if (want === "allowed") {
            if (status === 401 || status === 403) wronglyRefused.push(`${cell} ${text.slice(0, 120)}`);
          } else if (status !== want) leaks.push(`${cell} (expected ${want})`);
          const isWrite = method !== "GET" && !DATA_PLANE.has(`${method} ${contract.path}`);
          if (isWrite && status < 300 && contract.permission !== null && (await db.auditEvent.count()) === auditBefore)
            unaudited.push(cell);
        }
      }
    }
    expect(cells).toBeGreaterThan(100 * CALLERS.length);
    expect(leaks, "callers the table denies that got through").toEqual([]);
    expect(wronglyRefused, "callers the table allows that were refused").toEqual([]);
    expect(unaudited, "writes that succeeded without an audit event").toEqual([]);
  }, 300_000);
});
