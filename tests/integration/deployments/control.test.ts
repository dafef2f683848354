import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deploymentsRoute from "../../../app/api/v1/deployments/route";
import * as deploymentRoute from "../../../app/api/v1/deployments/[name]/route";
import * as promoteRoute from "../../../app/api/v1/deployments/[name]/promote/route";
import * as rollbackRoute from "../../../app/api/v1/deployments/[name]/rollback/route";
import * as aliasRoute from "../../../app/api/v1/models/[name]/aliases/[alias]/route";
import * as versionRoute from "../../../app/api/v1/models/[name]/versions/[version]/route";
import { db } from "../../../lib/db";
import { getCanaryReading, hasPromotionToUndo, judgeCanaries } from "../../../lib/deployments/canary";
import { listDeploymentsServing } from "../../../lib/deployments/deployments";
import { getDeploymentMetrics } from "../../../lib/deployments/metrics";
import { bucketOf, emptyCounts } from "../../../lib/deployments/latency-buckets";
import { minuteOf } from "../../../lib/deployments/serving-stats";
import { buildFleet } from "../../support/job-fleet";
import { startJobRig, type JobRig } from "../../support/job-runs";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let rig: JobRig;
let tokens: Awaited<ReturnType<typeof tokensByRole>>;
const MODEL = "ctl";

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 2 }] }]);
  tokens = await tokensByRole();
  rig = await startJobRig();
  for (const epochs of [3, 4, 5])
    await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs, modelName: MODEL });
  await call(aliasRoute.PUT, {
    method: "PUT",
    token: tokens.admin,
    json: { version: 1, note: "first" },
    params: { name: MODEL, alias: "production" },
  });
}, 120_000);
afterAll(async () => rig.stop());

const get = async (name: string) => (await call(deploymentRoute.GET, { token: tokens.viewer, params: { name } })).body;
const versionId = async (version: number) =>
  (await db.modelVersion.findFirstOrThrow({ where: { model: { name: MODEL }, version } })).id;

/** What serving processes would have written for a version: `requests` in the current minute at `ms` each. */
async function served(deployment: string, version: number, requests: number, ms: number, errors = 0) {
  const d = await db.deployment.findUniqueOrThrow({ where: { name: deployment } });
  const counts = emptyCounts();
  counts[bucketOf(ms)] = requests;
  const key = { deploymentId: d.id, versionId: await versionId(version), minute: minuteOf(Date.now()) };
  const row = await db.servingMinute.findUnique({ where: { deploymentId_versionId_minute: key } });
  if (!row)
    return void (await db.servingMinute.create({
      data: { ...key, requests, errors, instances: requests, latencySumMs: ms * requests, latencyCounts: counts },
    }));
  await db.servingMinute.update({
    where: { deploymentId_versionId_minute: key },
    data: {
      requests: { increment: requests },
      errors: { increment: errors },
      instances: { increment: requests },
      latencySumMs: { increment: ms * requests },
      latencyCounts: row.latencyCounts.map((c, i) => c + (counts[i] ?? 0)),
    },
  });
}

describe("deployments and the registry", () => {
  it("follows its alias: a promotion in the registry moves the deployment in the same transaction", async () => {
    const created = await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "ctl-prod", model: MODEL, alias: "production" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ alias: "production", stable: { version: 1 }, approved: { version: 1 } });
    const moved = await call(aliasRoute.PUT, {
      method: "PUT",
      token: tokens.admin,
      json: { version: 2, note: "better" },
      params: { name: MODEL, alias: "production" },
    });
    expect(moved.status).toBe(200);
    const d = await get("ctl-prod");
    expect(d).toMatchObject({ stable: { version: 2 }, approved: { version: 2 } });
    expect(d.events[0]).toMatchObject({
      kind: "alias_followed",
      message: expect.stringMatching(/production moved from version 1 to 2/),
    });
  });

  it("promotes a canary by moving the protected alias it follows (an admin with a note), all at once", async () => {
    await call(deploymentRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { canary: { version: 3, weight: 0.1 } },
      params: { name: "ctl-prod" },
    });
    const denied = await call(promoteRoute.POST, {
      token: tokens.operator,
      json: { note: "looks fine" },
      params: { name: "ctl-prod" },
    });
    expect(denied.status).toBe(403);
    expect(await get("ctl-prod")).toMatchObject({ stable: { version: 2 }, canary: { version: 3 } });
    const noNote = await call(promoteRoute.POST, { token: tokens.admin, json: {}, params: { name: "ctl-prod" } });
    expect(noNote.status).toBe(422);
    const promoted = await call(promoteRoute.POST, {
      token: tokens.admin,
      json: { note: "canary held for a day" },
      params: { name: "ctl-prod" },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ stable: { version: 3 }, approved: { version: 3 }, canary: null });
    const alias = await db.modelAlias.findFirstOrThrow({
      where: { alias: "production", model: { name: MODEL } },
      include: { version: true },
    });
    expect(alias.version.version).toBe(3);
    const ledger = await db.modelAliasMove.findFirstOrThrow({
      where: { alias: "production" },
      orderBy: { id: "desc" },
    });
    expect(ledger).toMatchObject({
      fromVersion: 2,
      toVersion: 3,
      actor: "token:test-admin",
      note: "canary held for a day",
    });
  });

  it("rolls back the last promotion by hand, moving the alias back under its policy", async () => {
    expect(
      (await call(rollbackRoute.POST, { token: tokens.operator, json: { note: "x" }, params: { name: "ctl-prod" } }))
        .status,
    ).toBe(403);
    const back = await call(rollbackRoute.POST, {
      token: tokens.admin,
      json: { note: "errors in the field" },
      params: { name: "ctl-prod" },
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ stable: { version: 2 } });
    expect(
      (await db.modelAlias.findFirstOrThrow({ where: { alias: "production" }, include: { version: true } })).version
        .version,
    ).toBe(2);
    // Undone once: a second rollback has no promotion left to undo, and the alias stays.
    const events = (await get("ctl-prod")).events;
    expect(hasPromotionToUndo(events)).toBe(false);
    const again = await call(rollbackRoute.POST, {
      token: tokens.admin,
      json: { note: "once more" },
      params: { name: "ctl-prod" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already rolled back/);
    expect(await db.modelAliasMove.count({ where: { note: "once more" } })).toBe(0);
  });

  it("refuses to archive a deployed version", async () => {
    await call(deploymentsRoute.POST, { token: tokens.operator, json: { name: "ctl-pin", model: MODEL, version: 3 } });
    const res = await call(versionRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { archived: true },
      params: { name: MODEL, version: "3" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/is deployed \(ctl-pin\)/);
  });

  it("refuses a second deployment of the same name, an unknown version, and a canary equal to stable", async () => {
    expect(
      (
        await call(deploymentsRoute.POST, {
          token: tokens.operator,
          json: { name: "ctl-prod", model: MODEL, version: 1 },
        })
      ).status,
    ).toBe(409);
    expect(
      (await call(deploymentsRoute.POST, { token: tokens.operator, json: { name: "ctl-x", model: MODEL, version: 9 } }))
        .status,
    ).toBe(404);
    const same = await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "ctl-x", model: MODEL, version: 1, canary: { version: 1, weight: 0.5 } },
    });
    expect(same.status).toBe(422);
    expect(
      (await call(deploymentsRoute.POST, { token: tokens.viewer, json: { name: "ctl-y", model: MODEL, version: 1 } }))
        .status,
    ).toBe(403);
    expect(await db.deployment.count({ where: { name: { in: ["ctl-x", "ctl-y"] } } })).toBe(0);
  });

  it("refuses placement on a server the inventory does not know, on create and on change, naming it", async () => {
    const create = await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "ctl-placed", model: MODEL, version: 1, servers: ["node-a", "node-typo"] },
    });
    expect(create.status).toBe(422);
    expect(create.body.error).toMatchObject({
      message: expect.stringMatching(/No server is registered as node-typo/),
      details: { servers: ["node-typo"] },
    });
    expect(await db.deployment.count({ where: { name: "ctl-placed" } })).toBe(0);
    const ok = await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "ctl-placed", model: MODEL, version: 1, servers: ["node-a"] },
    });
    expect(ok.status).toBe(201);
    const change = await call(deploymentRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { servers: ["node-b"] },
      params: { name: "ctl-placed" },
    });
    expect(change.status).toBe(422);
    expect((await get("ctl-placed")).servers).toEqual(["node-a"]);
  });

  it("lists the deployments serving a version, as stable or canary", async () => {
    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "ctl-lineage", model: MODEL, version: 1, canary: { version: 2, weight: 0.5 } },
    });
    const serving = async (version: number) => listDeploymentsServing(await versionId(version));
    expect(await serving(1)).toContainEqual({ name: "ctl-lineage", role: "stable", status: "active" });
    expect(await serving(2)).toContainEqual({ name: "ctl-lineage", role: "canary", status: "active" });
    expect((await serving(2)).map((d) => d.name)).not.toContain("ctl-placed");
  });
});

describe("canary gates (the worker's judgement)", () => {
  it("waits for enough requests, then steps a passing canary up, and promotes it at the last step", async () => {
    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: {
        name: "ctl-steps",
        model: MODEL,
        version: 1,
        canary: { version: 2, weight: 0.1 },
        gates: { minRequests: 50, windowMinutes: 5, steps: [0.1, 0.5, 1], autoStep: true },
      },
    });
    // Gates count whole minutes after the canary (or its last step) started: start it two minutes ago.
    const startedEarlier = () =>
      db.deployment.update({ where: { name: "ctl-steps" }, data: { canaryStartedAt: new Date(Date.now() - 120_000) } });
    await startedEarlier();
    await served("ctl-steps", 1, 400, 2);
    await served("ctl-steps", 2, 20, 2);
    await judgeCanaries();
    expect(await get("ctl-steps")).toMatchObject({ canary: { version: 2, weight: 0.1 } });

    await served("ctl-steps", 2, 60, 2.2);
    await judgeCanaries();
    const stepped = await get("ctl-steps");
    expect(stepped).toMatchObject({ canary: { version: 2, weight: 0.5 } });
    expect(stepped.events[0]).toMatchObject({ kind: "canary_stepped", actor: "system" });
    expect(stepped.events[0].details.evidence).toMatchObject({ canary: { requests: 80 }, stable: { requests: 400 } });

    // The window restarts at each step: the traffic before it does not count for the next.
    await judgeCanaries();
    expect(await get("ctl-steps")).toMatchObject({ canary: { weight: 0.5 } });

    await startedEarlier();
    await judgeCanaries();
    expect(await get("ctl-steps")).toMatchObject({ canary: { weight: 1 } });
    await startedEarlier();
    await judgeCanaries();
    const promoted = await get("ctl-steps");
    expect(promoted).toMatchObject({ canary: null, stable: { version: 2 }, approved: { version: 2 } });
    expect(promoted.events[0]).toMatchObject({ kind: "promoted", actor: "system" });
  });

  it("reads the gates of a canary without acting on them, and the traffic per minute of each version", async () => {
    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: {
        name: "ctl-read",
        model: MODEL,
        version: 1,
        canary: { version: 3, weight: 0.2 },
        gates: { minRequests: 50 },
      },
    });
    await db.deployment.update({
      where: { name: "ctl-read" },
      data: { canaryStartedAt: new Date(Date.now() - 120_000) },
    });
    await served("ctl-read", 1, 300, 2);
    await served("ctl-read", 3, 80, 40);
    const reading = await getCanaryReading("ctl-read");
    expect(reading).toMatchObject({ decision: "fail", gate: "latency" });
    expect(reading!.evidence.limits).toMatchObject({ minRequests: 50, maxP95Ratio: 1.5 });
    // Read, not judged: the canary is still there.
    expect(await get("ctl-read")).toMatchObject({ canary: { version: 3 } });
    const metrics = await getDeploymentMetrics("ctl-read", 10);
    const byVersion = Object.fromEntries(metrics.versionSeries.map((s) => [s.version, s]));
    expect(byVersion[1]).toMatchObject({ role: "stable", points: [{ requests: 300 }] });
    expect(byVersion[3]).toMatchObject({ role: "canary", points: [{ requests: 80 }] });
    expect(byVersion[3]!.points[0]!.p95).toBeGreaterThan(byVersion[1]!.points[0]!.p95!);
    expect(metrics.series[0]).toMatchObject({ requests: 380 });
    await call(rollbackRoute.POST, {
      token: tokens.operator,
      json: { note: "done reading" },
      params: { name: "ctl-read" },
    });
  });

  it("rolls back a canary whose p95 latency is far above stable's", async () => {
    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: {
        name: "ctl-slow",
        model: MODEL,
        version: 1,
        canary: { version: 3, weight: 0.2 },
        gates: { minRequests: 50 },
      },
    });
    await db.deployment.update({
      where: { name: "ctl-slow" },
      data: { canaryStartedAt: new Date(Date.now() - 120_000) },
    });
    await served("ctl-slow", 1, 300, 2);
    await served("ctl-slow", 3, 80, 40);
    const judged = await judgeCanaries();
    expect(judged.rolledBack).toBe(1);
    const d = await get("ctl-slow");
    expect(d).toMatchObject({ canary: null, stable: { version: 1 } });
    expect(d.events[0].message).toMatch(/canary p95 .* ms against stable .* ms: more than 1.5× slower/);
    expect(d.events[0].details.evidence.canary.p95Ms).toBeGreaterThan(30);
  });
});
