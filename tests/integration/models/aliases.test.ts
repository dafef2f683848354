import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as aliasRoute from "../../../app/api/v1/models/[name]/aliases/[alias]/route";
import * as historyRoute from "../../../app/api/v1/models/[name]/aliases/[alias]/history/route";
import * as policyRoute from "../../../app/api/v1/models/[name]/aliases/[alias]/policy/route";
import * as approveRoute from "../../../app/api/v1/models/[name]/promotions/[id]/approve/route";
import * as rejectRoute from "../../../app/api/v1/models/[name]/promotions/[id]/reject/route";
import * as versionRoute from "../../../app/api/v1/models/[name]/versions/[version]/route";
import { systemPrincipal } from "../../../lib/auth/principal";
import { createApiToken } from "../../../lib/auth/tokens";
import { getConfig } from "../../../lib/config";
import { db } from "../../../lib/db";
import { buildFleet } from "../../support/job-fleet";
import { startJobRig, type JobRig } from "../../support/job-runs";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let rig: JobRig;
let tokens: Awaited<ReturnType<typeof tokensByRole>>;
const MODEL = "churn";

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 2 }] }]);
  tokens = await tokensByRole();
  rig = await startJobRig();
  // Three versions of one model.
  for (const epochs of [3, 4, 5])
    await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs, modelName: MODEL });
}, 120_000);
afterAll(async () => rig.stop());

const put = (alias: string, json: unknown, token: string) =>
  call(aliasRoute.PUT, { method: "PUT", token, json, params: { name: MODEL, alias } });
const history = (alias: string, query = "") =>
  call(historyRoute.GET, {
    token: tokens.viewer,
    path: `/api/v1/models/${MODEL}/aliases/${alias}/history${query}`,
    params: { name: MODEL, alias },
  });

describe("aliases", () => {
  it("lets an operator move an unprotected alias, and refuses them production (403), and an admin without a note (422)", async () => {
    const staged = await put("staging", { version: 2 }, tokens.operator);
    expect(staged.status).toBe(200);
    expect(staged.body).toMatchObject({
      alias: "staging",
      version: 2,
      isProtected: false,
      movedBy: "token:test-operator",
    });

    const refused = await put("production", { version: 2, note: "ship it" }, tokens.operator);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/production is protected.*admin.*models\.promote.*you are operator/);
    const noNote = await put("production", { version: 2 }, tokens.admin);
    expect(noNote.status).toBe(422);
    expect(noNote.body.error.message).toMatch(/note/);
    expect(await db.modelAlias.count({ where: { alias: "production" } })).toBe(0);
    expect(await db.modelAliasMove.count({ where: { alias: "production" } })).toBe(0);

    const moved = await put("production", { version: 2, note: "best F1 on holdout" }, tokens.admin);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ alias: "production", version: 2, isProtected: true });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "model.alias_move", target: `model:${MODEL}` },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({ alias: "production", from: null, to: 2, note: "best F1 on holdout" });
  });

  it("treats moving an alias where it already points as a no-op, and refuses an unknown or archived version", async () => {
    const before = await db.modelAliasMove.count();
    expect((await put("staging", { version: 2 }, tokens.operator)).status).toBe(200);
    expect(await db.modelAliasMove.count()).toBe(before);
    expect((await put("staging", { version: 99 }, tokens.operator)).status).toBe(404);
    const archive = await call(versionRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { archived: true },
      params: { name: MODEL, version: "1" },
    });
    expect(archive.status).toBe(200);
    const toArchived = await put("staging", { version: 1 }, tokens.operator);
    expect(toArchived.status).toBe(409);
    expect(toArchived.body.error.message).toMatch(/archived/);
    // A version an alias points at cannot be archived.
    const aliased = await call(versionRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { archived: true },
      params: { name: MODEL, version: "2" },
    });
    expect(aliased.status).toBe(409);
    expect(aliased.body.error.message).toMatch(/holds the aliases production, staging/);
    await call(versionRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { archived: false },
      params: { name: MODEL, version: "1" },
    });
  });

  it("answers which version held production at any past instant, who moved it and why, across three moves", async () => {
    const pause = () => new Promise((r) => setTimeout(r, 25));
    const t0 = new Date();
    await pause();
    await put("canary", { version: 1 }, tokens.operator);
    await pause();
    const t1 = new Date();
    await pause();
    await put("canary", { version: 3 }, tokens.admin);
    await pause();
    const t2 = new Date();
    await pause();
    await put("canary", { version: 2 }, tokens.operator);
    await pause();
    const t3 = new Date();

    const at = async (t: Date) => (await history("canary", `?at=${t.toISOString()}`)).body;
    expect(await at(t0)).toMatchObject({ alias: "canary", version: null, move: null });
    expect(await at(t1)).toMatchObject({
      version: 1,
      move: { fromVersion: null, toVersion: 1, actor: "token:test-operator" },
    });
    expect(await at(t2)).toMatchObject({
      version: 3,
      move: { fromVersion: 1, toVersion: 3, actor: "token:test-admin" },
    });
    expect(await at(t3)).toMatchObject({ version: 2, move: { fromVersion: 3, toVersion: 2 } });

    const ledger = await history("canary");
    expect(ledger.status).toBe(200);
    expect(ledger.body.items.map((m: { toVersion: number }) => m.toVersion)).toEqual([2, 3, 1]);
    // The instant of a move itself: the move has happened.
    const second = ledger.body.items[1];
    expect((await at(new Date(second.at))).version).toBe(3);

    // Removing the alias is a ledger row too; afterwards no version holds it.
    const removed = await call(aliasRoute.DELETE, {
      method: "DELETE",
      token: tokens.operator,
      path: `/api/v1/models/${MODEL}/aliases/canary`,
      params: { name: MODEL, alias: "canary" },
    });
    expect(removed.status).toBe(204);
    expect((await at(new Date())).version).toBeNull();
    expect((await at(t3)).version).toBe(2);
  });

  it("moves atomically: readers never see the alias missing or on two versions while it moves back and forth", async () => {
    const { DATABASE_URL } = getConfig();
    const readers = new pg.Pool({ connectionString: DATABASE_URL, max: 3 });
    const model = await db.registeredModel.findUniqueOrThrow({ where: { name: MODEL } });
    const seen = new Map<string, number>();
    let moving = true;
    const read = async () => {
      while (moving) {
        const { rows } = await readers.query<{ version: number }>(
          `SELECT v."version" FROM "ModelAlias" a JOIN "ModelVersion" v ON v."id" = a."versionId"
           WHERE a."modelId" = $1 AND a."alias" = 'production'`,
          [model.id],
        );
        const key = rows.map((r) => r.version).join(",");
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    };
    const reading = Promise.all([read(), read()]);
    for (let i = 0; i < 20; i++) {
      const res = await put("production", { version: i % 2 === 0 ? 3 : 2, note: `flip ${i}` }, tokens.admin);
      expect(res.status).toBe(200);
    }
    moving = false;
    await reading;
    await readers.end();
    expect([...seen.keys()].every((k) => k === "2" || k === "3")).toBe(true);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await db.modelAliasMove.count({ where: { modelId: model.id, alias: "production" } })).toBeGreaterThanOrEqual(
      21,
    );
  });
});

describe("promotions that need a second admin", () => {
  it("waits for another admin's approval, refuses the requester's own, and records both in the ledger", async () => {
    const policy = await call(policyRoute.PUT, {
      method: "PUT",
      token: tokens.admin,
      json: { protected: true, requiresApproval: true },
      params: { name: MODEL, alias: "production" },
    });
    expect(policy.status).toBe(200);
    expect(policy.body).toMatchObject({ alias: "production", isProtected: true, requiresApproval: true });
    const before = (
      await db.modelAlias.findFirstOrThrow({ where: { alias: "production" }, include: { version: true } })
    ).version.version;
    const target = before === 3 ? 2 : 3;

    const requested = await put("production", { version: target, note: "retrained on October data" }, tokens.admin);
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ status: "pending", version: target, requestedBy: "token:test-admin" });
    const id = requested.body.id as string;
    expect(
      (await db.modelAlias.findFirstOrThrow({ where: { alias: "production" }, include: { version: true } })).version
        .version,
    ).toBe(before);

    const self = await call(approveRoute.POST, { token: tokens.admin, json: {}, params: { name: MODEL, id } });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toMatch(/second admin/);
    const operator = await call(approveRoute.POST, { token: tokens.operator, json: {}, params: { name: MODEL, id } });
    expect(operator.status).toBe(403);

    const second = await createApiToken({ name: "second-admin", role: "admin" }, systemPrincipal);
    const approved = await call(approveRoute.POST, {
      token: second.token,
      json: { note: "checked the eval" },
      params: { name: MODEL, id },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", decidedBy: "token:second-admin" });
    const latest = (await history("production")).body.items[0];
    expect(latest).toMatchObject({
      toVersion: target,
      actor: "token:test-admin",
      approvedBy: "token:second-admin",
      note: "retrained on October data",
      requestId: id,
    });
    const again = await call(approveRoute.POST, { token: second.token, json: {}, params: { name: MODEL, id } });
    expect(again.status).toBe(409);

    // A request can be rejected by another admin, or withdrawn by its requester.
    const next = await put("production", { version: before, note: "roll back" }, tokens.admin);
    const rejected = await call(rejectRoute.POST, {
      token: second.token,
      json: { note: "not yet" },
      params: { name: MODEL, id: next.body.id },
    });
    expect(rejected.body).toMatchObject({ status: "rejected", decisionNote: "not yet" });
    const third = await put("production", { version: before, note: "roll back, really" }, tokens.admin);
    const withdrawn = await call(rejectRoute.POST, {
      token: tokens.admin,
      json: {},
      params: { name: MODEL, id: third.body.id },
    });
    expect(withdrawn.body).toMatchObject({ status: "withdrawn" });
  });
});
