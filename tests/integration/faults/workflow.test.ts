import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as faultRoute from "../../../app/api/v1/servers/[hostname]/fault/route";
import * as faultsRoute from "../../../app/api/v1/faults/route";
import * as settingsRoute from "../../../app/api/v1/faults/settings/route";
import { db } from "../../../lib/db";
import { autoQuarantine } from "../../../lib/faults/node-faults";
import { getJob } from "../../../lib/jobs/queries";
import { placeQueuedJobs } from "../../../lib/jobs/placement/scheduler";
import { runJob } from "../../../lib/jobs/queue/runner";
import { resetJobSettings } from "../../../lib/jobs/settings";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { buildFleet } from "../../support/job-fleet";
import { runEpochOf, startJobRig, waitFor, type JobRig } from "../../support/job-runs";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

// The GPU fault workflow end to end: an XID 48 quarantines its node, the
// scheduler stops placing there, the job running there is re-queued and
// resumes from its checkpoint elsewhere, operators drive the node back to
// service, and the circuit breaker stops automatic quarantine at N+1 nodes.

let rig: JobRig;
let tokens: Awaited<ReturnType<typeof tokensByRole>>;
let gpus: Map<string, string[]>;
const HOSTS = ["n1", "n2", "n3", "n4", "n5", "n6"];

const xid = (host: string, code: number, at = new Date()) =>
  ingestDcgm(`DCGM_FI_DEV_XID_ERRORS{gpu="0",UUID="${gpus.get(host)![0]}",Hostname="${host}"} ${code}\n`, at);
const hostOfJob = async (jobId: string) => {
  const a = await db.gpuAllocation.findFirst({ where: { jobId, endedAt: null } });
  if (!a) return null;
  return (await db.gpu.findUniqueOrThrow({ where: { id: a.gpuId }, include: { server: true } })).server.hostname;
};
const fault = async (hostname: string) =>
  (await call(faultRoute.GET, { token: tokens.viewer, params: { hostname } })).body;
const act = (hostname: string, action: string, note: string, token = tokens.operator) =>
  call(faultRoute.POST, { token, params: { hostname }, json: { action, note } });

beforeAll(async () => {
  // The old worker notices a re-queue at its next heartbeat; beat fast so it cannot train the run to its end first.
  process.env.RACKMIND_JOB_HEARTBEAT_MS = "100";
  resetJobSettings();
  gpus = await buildFleet("lab", [{ name: "r1", servers: HOSTS.map((hostname) => ({ hostname, gpus: 1 })) }]);
  tokens = await tokensByRole();
  rig = await startJobRig();
}, 60_000);
afterAll(async () => {
  await rig.stop();
  delete process.env.RACKMIND_JOB_HEARTBEAT_MS;
  resetJobSettings();
});

describe("the GPU fault workflow", () => {
  it("quarantines the node of an XID 48, re-queues its running job, which resumes from its checkpoint elsewhere", async () => {
    const id = await rig.submit({ type: "train", template: "xor-adam", gpus: 1, epochs: 1000, modelName: "faulty" });
    const host = (await hostOfJob(id))!;
    const first = runJob(id, rig.ctx("w1"));
    const k = await waitFor("epoch 20", async () => {
      const e = await runEpochOf(id);
      return e >= 20 ? e : null;
    });

    await xid(host, 48);
    expect(await autoQuarantine()).toEqual({ quarantined: [host], heldByBreaker: [] });
    const node = await fault(host);
    expect(node).toMatchObject({
      state: "drained",
      actions: ["remediate", "rma"],
      runningJobs: 0,
      recommended: { xid: 48, action: "reset_gpu", words: "reset the GPU", name: "double-bit ECC error" },
    });
    expect(node.reason).toMatch(/^XID 48 on GPU GPU-\S+ \(double-bit ECC error\): reset the GPU$/);
    expect(node.events.map((e: { from: string | null; to: string | null }) => `${e.from}→${e.to}`)).toEqual([
      "draining→drained",
      "quarantined→draining",
      "null→quarantined",
    ]);
    const requeued = await db.job.findUniqueOrThrow({ where: { id } });
    expect(requeued).toMatchObject({ status: "queued", leaseOwner: null });
    expect(requeued.waitingReason).toContain(`node ${host} is being drained`);

    // The worker that ran it notices at its next heartbeat and stops.
    expect(await first).toEqual({ kind: "stopped", why: "lost" });

    // Placed again, never on the quarantined node; the next worker resumes it.
    await placeQueuedJobs(rig.dispatcher);
    const again = await hostOfJob(id);
    expect(again).not.toBeNull();
    expect(again).not.toBe(host);
    expect(await runJob(id, rig.ctx("w2"))).toEqual({ kind: "finished", status: "succeeded" });
    const job = await getJob(id);
    expect(job).toMatchObject({
      status: "succeeded",
      progress: { epoch: 1000 },
      modelVersion: { name: "faulty", version: 1 },
    });
    const log = (await db.jobLog.findMany({ where: { jobId: id }, orderBy: { id: "asc" } })).map((l) => l.message);
    const resumed = Number(/resumed from epoch (\d+)/.exec(log.join("\n"))?.[1]);
    expect(resumed).toBeGreaterThanOrEqual(k);
    expect(await db.modelVersion.count({ where: { model: { name: "faulty" } } })).toBe(1);
  }, 120_000);

  it("lets operators drive the node back to service with notes, audited; steps out of order are refused", async () => {
    const [host] = (await db.server.findMany({ where: { faultState: { not: null } } })).map((s) => s.hostname);
    expect((await act(host!, "return", "too early")).status).toBe(409);
    expect((await act(host!, "remediate", "reseating", tokens.viewer)).status).toBe(403);
    expect((await act(host!, "remediate", "")).status).toBe(422);
    const remediating = await act(host!, "remediate", "nvidia-smi -r; field diag passed");
    expect(remediating.status).toBe(200);
    expect(remediating.body).toMatchObject({ state: "remediating", actions: ["return", "rma"] });

    // While out of service, nothing is placed there.
    const waiting = await rig.submit({ type: "train", template: "xor-adam", gpus: 6, epochs: 3 });
    expect((await db.job.findUniqueOrThrow({ where: { id: waiting } })).status).toBe("queued");

    const back = await act(host!, "return", "back in service after reset");
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: null, actions: ["quarantine"], recommended: null });
    const gpu = await db.gpu.findUniqueOrThrow({ where: { uuid: gpus.get(host!)![0] } });
    expect(gpu.health).toBe("healthy");
    await placeQueuedJobs(rig.dispatcher);
    expect((await db.job.findUniqueOrThrow({ where: { id: waiting } })).status).toBe("placed");
    await db.job.update({ where: { id: waiting }, data: { status: "cancelled", finishedAt: new Date() } });
    await db.gpuAllocation.updateMany({ where: { jobId: waiting, endedAt: null }, data: { endedAt: new Date() } });

    // The same XID, accepted at the return, does not quarantine the node again.
    expect(await autoQuarantine()).toEqual({ quarantined: [], heldByBreaker: [] });
    const audit = await db.auditEvent.findMany({
      where: { target: `server:${host}`, action: { startsWith: "server.fault" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "server.fault_auto_quarantine",
      "server.fault_remediate",
      "server.fault_return",
    ]);
  });

  it("trips the circuit breaker at N+1 nodes: the rest wait for a person, and say why", async () => {
    const set = await call(settingsRoute.PATCH, {
      token: tokens.admin,
      json: { breakerMaxNodes: 3, breakerWindowMinutes: 60 },
    });
    expect(set.status).toBe(200);
    expect((await call(settingsRoute.PATCH, { token: tokens.operator, json: { breakerMaxNodes: 9 } })).status).toBe(
      403,
    );
    // One node already went out automatically in this window (the first test); three more XIDs, 79 and 74 too.
    for (const [h, code] of [
      ["n2", 79],
      ["n3", 74],
      ["n4", 48],
      ["n5", 48],
    ] as const)
      if ((await db.server.findUniqueOrThrow({ where: { hostname: h } })).faultState === null) await xid(h, code);
    const busy = (await db.server.findMany({ where: { faultState: { not: null } } })).length;
    expect(busy).toBe(0);
    const result = await autoQuarantine();
    expect(result.quarantined).toHaveLength(2); // 3 allowed in the window, 1 used
    expect(result.heldByBreaker).toHaveLength(2);
    const held = await fault(result.heldByBreaker[0]!);
    expect(held.state).toBeNull();
    expect(held.events[0].note).toMatch(
      /^not quarantined: the circuit breaker is open \(3 nodes quarantined automatically in 60 min, at most 3\)/,
    );
    const overview = await call(faultsRoute.GET, { token: tokens.viewer });
    expect(overview.body.breaker).toEqual({ open: true, quarantinedInWindow: 3, maxNodes: 3, windowMinutes: 60 });
    expect(overview.body.nodes).toHaveLength(2);
    // A second pass neither quarantines nor records the held nodes again.
    expect(await autoQuarantine()).toEqual({ quarantined: [], heldByBreaker: result.heldByBreaker });
    expect(
      await db.serverFaultEvent.count({
        where: { server: { hostname: result.heldByBreaker[0] }, to: null, from: null },
      }),
    ).toBe(1);
    // An XID whose remedy is the application's (94) never takes a node out.
    await xid("n6", 94);
    await call(settingsRoute.PATCH, { token: tokens.admin, json: { breakerMaxNodes: 100 } });
    const after = await autoQuarantine();
    expect(after.quarantined).not.toContain("n6");
  });

  it("changes only the settings a PATCH sends", async () => {
    await call(settingsRoute.PATCH, { token: tokens.admin, json: { breakerMaxNodes: 7, breakerWindowMinutes: 90 } });
    const one = await call(settingsRoute.PATCH, { token: tokens.admin, json: { autoQuarantine: true } });
    expect(one.body).toEqual({ autoQuarantine: true, breakerMaxNodes: 7, breakerWindowMinutes: 90 });
    expect((await call(settingsRoute.GET, { token: tokens.viewer })).body).toEqual(one.body);
  });
});
