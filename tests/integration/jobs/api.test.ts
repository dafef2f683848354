import { beforeAll, describe, expect, it } from "vitest";
import * as jobs from "../../../app/api/v1/jobs/route";
import * as jobById from "../../../app/api/v1/jobs/[id]/route";
import * as cancel from "../../../app/api/v1/jobs/[id]/cancel/route";
import * as events from "../../../app/api/v1/jobs/[id]/events/route";
import * as logs from "../../../app/api/v1/jobs/[id]/logs/route";
import * as quotas from "../../../app/api/v1/quotas/route";
import * as quota from "../../../app/api/v1/quotas/[team]/route";
import * as metrics from "../../../app/api/metrics/route";
import * as openapi from "../../../app/api/openapi.json/route";
import { db } from "../../../lib/db";
import { runJob } from "../../../lib/jobs/queue/runner";
import { placeQueuedJobs } from "../../../lib/jobs/placement/scheduler";
import { call } from "../../support/http";
import { buildFleet, recordingDispatcher } from "../../support/job-fleet";
import { tokensByRole } from "../../support/principals";

let op: string;
let viewer: string;

beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 4 }] }]);
});

const post = (json: unknown, token = op) => call(jobs.POST, { token, path: "/api/v1/jobs", json });
const xor = { type: "train", template: "xor-adam", gpus: 1 };

/** Reads a text/event-stream body into [{event, data}] until it ends. */
async function readEvents(res: Response): Promise<{ event: string; data: any }[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: /^data: (.*)$/m.exec(block)?.[1] }))
    .filter((e): e is { event: string; data: string } => Boolean(e.event && e.data))
    .map((e) => ({ event: e.event, data: JSON.parse(e.data) }));
}

describe("POST /api/v1/jobs", () => {
  it("queues the XOR template with the built-in xor dataset, and audits it in the same transaction", async () => {
    const res = await post({ ...xor, priority: "high", team: "ml", modelName: "xor-net" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: "queued" });
    const job = (await call(jobById.GET, { token: viewer, params: { id: res.body.id } })).body;
    expect(job).toMatchObject({
      id: res.body.id,
      type: "train",
      status: "queued",
      priority: "high",
      team: "ml",
      dataset: "xor@1",
      modelName: "xor-net",
      progress: { epoch: 0, epochs: 300 },
      history: [],
      evaluation: null,
      placement: { gpus: [], hosts: [] },
      modelVersion: null,
      createdBy: "token:test-operator",
    });
    expect(job.spec).toMatchObject({
      template: "xor-adam",
      training: { optimizer: "adam", learningRate: 0.1, model: { hidden: [3], activation: "sigmoid" } },
    });
    const audit = await db.auditEvent.findMany({ where: { action: "job.create", target: `job:${res.body.id}` } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe("token:test-operator");
  });

  it("lets fields override the template, merging the model field by field", async () => {
    const res = await post({ ...xor, epochs: 50, model: { hidden: [8] }, gpuModel: "H100", minMemoryMiB: 80000 });
    expect(res.status).toBe(201);
    const job = (await call(jobById.GET, { token: viewer, params: { id: res.body.id } })).body;
    expect(job.spec.training).toMatchObject({ epochs: 50, model: { hidden: [8], activation: "sigmoid" } });
    expect(job.request).toEqual({ gpus: 1, gpuModel: "H100", minMemoryMiB: 80000 });
  });

  it("rejects bad specs with 422/404 and writes nothing", async () => {
    const before = await db.job.count();
    const cases: [unknown, number, RegExp][] = [
      [{ ...xor, epochs: 0 }, 422, /epochs/],
      [{ ...xor, learning_rate: 0.1 }, 422, /learning_rate/],
      [{ type: "train", gpus: 1 }, 422, /dataset/i],
      [{ ...xor, gpus: 0 }, 422, /gpus/],
      [{ ...xor, priority: "urgent" }, 422, /priority/],
      [{ ...xor, schedule: "every day" }, 422, /cron/],
      [{ ...xor, schedule: { cron: "0 3 * * *", timezone: "Mars/Olympus" } }, 422, /time zone/],
      [{ ...xor, dataset: "no-such-dataset" }, 404, /no-such-dataset/],
      [{ type: "evaluate", dataset: "xor" }, 422, /run or job/],
      [{ type: "evaluate", run: "00000000-0000-4000-8000-000000000000", dataset: "xor" }, 404, /does not exist/],
      [{ type: "deploy" }, 422, /type/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(JSON.stringify(res.body.error)).toMatch(message);
    }
    expect(await db.job.count()).toBe(before);
  });

  it("needs the operator role", async () => {
    expect((await post(xor, viewer)).status).toBe(403);
    expect((await call(jobs.POST, { path: "/api/v1/jobs", json: xor })).status).toBe(401);
  });
});

describe("reading jobs", () => {
  it("lists jobs newest first with filters and cursor pagination", async () => {
    await post({ ...xor, team: "vision", priority: "low" });
    await post({ ...xor, team: "vision", priority: "low" });
    const page = await call(jobs.GET, {
      token: viewer,
      path: "/api/v1/jobs?team=vision&priority=low&status=queued&limit=1",
    });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    // A queued job has not been judged: the list carries verdict null, not a guess.
    expect(page.body.items[0]).toMatchObject({ team: "vision", priority: "low", status: "queued", verdict: null });
    const next = await call(jobs.GET, {
      token: viewer,
      path: `/api/v1/jobs?team=vision&priority=low&limit=1&cursor=${page.body.nextCursor}`,
    });
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    expect(next.body.nextCursor).toBeNull();
    expect((await call(jobs.GET, { token: viewer, path: "/api/v1/jobs?status=sleeping" })).status).toBe(422);
  });

  it("answers 404 for an unknown job and 422 for a malformed id", async () => {
    expect(
      (await call(jobById.GET, { token: viewer, params: { id: "00000000-0000-4000-8000-000000000000" } })).status,
    ).toBe(404);
    expect((await call(jobById.GET, { token: viewer, params: { id: "job-42" } })).status).toBe(422);
  });
});

describe("cancel and events", () => {
  it("cancels over the API (409 the second time) and streams a finished job as snapshot then done", async () => {
    const { id } = (await post(xor)).body;
    expect((await call(cancel.POST, { token: viewer, params: { id } })).status).toBe(403);
    const res = await call(cancel.POST, { token: op, params: { id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: "cancelled" });
    expect((await call(cancel.POST, { token: op, params: { id } })).status).toBe(409);

    const stream = await events.GET(
      new Request(`http://rackmind.test/api/v1/jobs/${id}/events`, { headers: { authorization: `Bearer ${viewer}` } }),
      { params: Promise.resolve({ id }) },
    );
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const received = await readEvents(stream);
    expect(received.map((e) => e.event)).toEqual(["snapshot", "done"]);
    // done carries the final job: its timeline, and no verdict (a cancelled job is not judged).
    expect(received[1]!.data).toMatchObject({ id, status: "cancelled", finishedAt: expect.any(String), verdict: null });
    const lines = await call(logs.GET, { token: viewer, params: { id }, path: `/api/v1/jobs/${id}/logs` });
    expect(lines.body.items.map((l: { message: string }) => l.message).join("\n")).toMatch(
      /cancelled by token:test-operator/,
    );
  });

  it("streams each epoch of a running job live, then the evaluation", { timeout: 120_000 }, async () => {
    const { id } = (await post({ ...xor, epochs: 60 })).body;
    const dispatcher = recordingDispatcher();
    await placeQueuedJobs(dispatcher);
    const stream = await events.GET(
      new Request(`http://rackmind.test/api/v1/jobs/${id}/events`, { headers: { authorization: `Bearer ${viewer}` } }),
      { params: Promise.resolve({ id }) },
    );
    const run = runJob(id, { owner: "test-worker", shutdown: new AbortController().signal, dispatcher });
    const received = await readEvents(stream);
    expect(await run).toEqual({ kind: "finished", status: "succeeded" });
    const epochs = received.filter((e) => e.event === "epoch").map((e) => e.data);
    // The snapshot may already hold the first epochs; the rest arrive one event each, in order.
    const snapshotEpochs = received[0]!.data.history.length;
    expect(epochs.map((e) => e.epoch)).toEqual(
      Array.from({ length: 60 - snapshotEpochs }, (_, i) => snapshotEpochs + i + 1),
    );
    expect(epochs.at(-1)).toMatchObject({
      epoch: 60,
      epochs: 60,
      loss: expect.any(Number),
      accuracy: expect.any(Number),
    });
    expect(["placed", "running"]).toContain(received[0]!.data.status);
    const done = received.at(-1)!;
    expect(done.event).toBe("done");
    expect(done.data).toMatchObject({
      status: "succeeded",
      progress: { epoch: 60, epochs: 60 },
      evaluation: { confusion: expect.any(Array) },
    });
    expect(done.data.placement.gpus).toHaveLength(1);
    // done is the page's final state: the whole timeline and the verdict, without another request.
    expect(done.data).toMatchObject({
      placedAt: expect.any(String),
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      verdict: { kind: "good", summary: expect.any(String) },
    });
    expect(done.data.evaluation).toMatchObject({
      split: "train",
      heldOut: false,
      basis: expect.stringMatching(/training data/),
    });
    // status events carry the timeline too, so it fills in while the job runs.
    for (const { data } of received.filter((e) => e.event === "status"))
      expect(Object.keys(data)).toEqual(expect.arrayContaining(["placedAt", "startedAt", "finishedAt"]));
  });
});

describe("quotas, metrics and the OpenAPI document", () => {
  it("lets admins set team quotas (audited), everyone read them, and operators not set their own", async () => {
    const { admin } = await tokensByRole();
    expect((await call(quota.PUT, { token: op, params: { team: "ml" }, json: { maxGpus: 64 } })).status).toBe(403);
    const res = await call(quota.PUT, { token: admin, params: { team: "ml" }, json: { maxGpus: 16 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ team: "ml", maxGpus: 16, updatedBy: "token:test-admin" });
    expect((await call(quotas.GET, { token: viewer })).body.items).toEqual([
      expect.objectContaining({ team: "ml", maxGpus: 16 }),
    ]);
    expect((await call(quota.PUT, { token: admin, params: { team: "ml" }, json: { maxGpus: -1 } })).status).toBe(422);
    expect((await call(quota.DELETE, { token: op, params: { team: "ml" } })).status).toBe(403);
    expect((await call(quota.DELETE, { token: admin, params: { team: "ml" } })).status).toBe(204);
    expect(await db.auditEvent.count({ where: { target: "team:ml" } })).toBe(2);
  });

  it("exposes jobs by status to Prometheus", async () => {
    const res = await call(metrics.GET, { token: viewer, path: "/api/metrics" });
    expect(res.body).toMatch(/^rackmind_jobs\{status="queued"\} \d+$/m);
    expect(res.body).toMatch(/^rackmind_jobs\{status="cancelled"\} [1-9]\d*$/m);
    expect(res.body).toMatch(/^rackmind_job_gpus_held \d+$/m);
  });

  it("describes the jobs endpoints in the OpenAPI document", async () => {
    const doc = (await call(openapi.GET, { path: "/api/openapi.json" })).body;
    for (const path of [
      "/api/v1/jobs",
      "/api/v1/jobs/{id}",
      "/api/v1/jobs/{id}/cancel",
      "/api/v1/jobs/{id}/events",
      "/api/v1/schedules",
      "/api/v1/quotas/{team}",
    ])
      expect(doc.paths[path]).toBeDefined();
  });
});
