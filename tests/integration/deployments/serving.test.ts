import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deploymentsRoute from "../../../app/api/v1/deployments/route";
import * as metricsRoute from "../../../app/api/v1/deployments/[name]/metrics/route";
import * as feedbackRoute from "../../../app/api/v1/deployments/[name]/feedback/route";
import * as deploymentRoute from "../../../app/api/v1/deployments/[name]/route";
import { systemPrincipal } from "../../../lib/auth/principal";
import { createApiToken, revokeApiToken } from "../../../lib/auth/tokens";
import { getConfig } from "../../../lib/config";
import { uploadDataset } from "../../../lib/datasets/datasets";
import { db } from "../../../lib/db";
import { deploymentDriftSeries } from "../../../lib/deployments/drift-series";
import { judgeCanaries } from "../../../lib/deployments/canary";
import { loadModelFromArtifact, predict } from "../../../lib/models/artifact";
import { loadVerifiedArtifact } from "../../../lib/models/artifact-store";
import { loadTrainingBackend } from "../../../lib/training/backend/backend";
import { buildFleet } from "../../support/job-fleet";
import { startJobRig, type JobRig } from "../../support/job-runs";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";
import { startServing, type Serving } from "../../support/serving";

const CSV = readFileSync(
  path.resolve(import.meta.dirname, "../../../../shared/datasets/banknote_authentication.csv"),
  "utf8",
);
const FEATURES = ["variance", "skewness", "curtosis", "entropy"];
/** The real rows, as {feature: value} instances, and their labels. */
const ROWS = CSV.trim()
  .split("\n")
  .map((line) => line.split(",").map(Number));
const instance = (r: number[]) => Object.fromEntries(FEATURES.map((f, i) => [f, r[i]!]));

let rig: JobRig;
let serving: Serving;
let tokens: Awaited<ReturnType<typeof tokensByRole>>;

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 2 }] }]);
  tokens = await tokensByRole();
  await uploadDataset("banknote", CSV, { header: false, columns: [...FEATURES, "class"] }, systemPrincipal);
  rig = await startJobRig();
  for (const hidden of [[8], [4]])
    await rig.run({ type: "train", dataset: "banknote", modelName: "notes", gpus: 1, epochs: 30, model: { hidden } });
  serving = await startServing();
}, 180_000);
afterAll(async () => {
  await serving?.stop();
  await rig?.stop();
});

const deploy = (json: unknown) => call(deploymentsRoute.POST, { token: tokens.operator, json });

describe("serving a deployment", () => {
  it("answers through the serving port exactly as the version predicts offline, preprocessing included", async () => {
    const created = await deploy({ name: "notes", model: "notes", version: 1 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "notes", stable: { version: 1 }, canary: null, status: "active" });
    await serving.cache.sync();

    const sample = ROWS.filter((_, i) => i % 28 === 0);
    const res = await serving.predict("notes", { instances: sample.map((r) => instance(r)) }, tokens.operator);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ deployment: "notes", modelVersion: { name: "notes", version: 1 }, role: "stable" });
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const v1 = await db.modelVersion.findFirstOrThrow({ where: { model: { name: "notes" }, version: 1 } });
    const artifact = await loadVerifiedArtifact(v1.artifactId, "notes v1");
    const { tf } = await loadTrainingBackend();
    const loaded = await loadModelFromArtifact(tf, artifact);
    const offline = predict(
      tf,
      loaded,
      sample.map((r) => r.slice(0, 4)),
    );
    loaded.model.dispose();
    expect(body.predictions.map((p: { label: string }) => p.label)).toEqual(offline.map((p) => p.label));
    body.predictions.forEach((p: { probabilities: Record<string, number> }, i: number) => {
      for (const [label, prob] of Object.entries(offline[i]!.probabilities))
        expect(p.probabilities[label]).toBeCloseTo(prob, 6);
    });
    // Arrays in signature order answer the same.
    const arrays = await serving.predict("notes", { instances: sample.map((r) => r.slice(0, 4)) }, tokens.operator);
    expect((await arrays.json()).predictions).toEqual(body.predictions);
    // The model learnt the data: most of the sample is right.
    const right = body.predictions.filter(
      (p: { label: string }, i: number) => p.label === String(sample[i]![4]),
    ).length;
    expect(right / sample.length).toBeGreaterThan(0.8);
  });

  it("answers a deployment made a moment ago, before its next poll, and 404s a name that does not exist", async () => {
    // No sync here: the serving process has not polled since the deployment was made.
    expect((await deploy({ name: "notes-fresh", model: "notes", version: 1 })).status).toBe(201);
    const fresh = await serving.predict("notes-fresh", { instances: [instance(ROWS[0]!)] }, tokens.operator);
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({ deployment: "notes-fresh", modelVersion: { version: 1 } });
    const unknown = await serving.predict("no-such-deployment", { instances: [instance(ROWS[0]!)] }, tokens.operator);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe("Deployment no-such-deployment does not exist");
  });

  it("runs the trainer's MLP in plain JS, answering as TF.js does (RACKMIND_SERVING_FORWARD=tfjs)", async () => {
    expect((await deploy({ name: "notes-engines", model: "notes", version: 1 })).status).toBe(201);
    await serving.cache.sync();
    const viaTfjs = await startServing({ forward: "tfjs" });
    try {
      const engines = async (s: Serving) =>
        (
          (await (await fetch(`${s.url}/healthz`)).json()) as { deployments: { name: string; engine: unknown }[] }
        ).deployments.find((d) => d.name === "notes-engines")?.engine;
      expect(await engines(serving)).toEqual({ stable: "js", canary: null });
      expect(await engines(viaTfjs)).toEqual({ stable: "tfjs", canary: null });
      const sample = { instances: ROWS.filter((_, i) => i % 14 === 0).map((r) => instance(r)) };
      const [js, tfjs] = await Promise.all(
        [serving, viaTfjs].map(async (s) => await (await s.predict("notes-engines", sample, tokens.operator)).json()),
      );
      expect(js.predictions.map((p: { label: string }) => p.label)).toEqual(
        tfjs.predictions.map((p: { label: string }) => p.label),
      );
      js.predictions.forEach((p: { probabilities: Record<string, number> }, i: number) => {
        for (const [label, prob] of Object.entries(tfjs.predictions[i].probabilities as Record<string, number>))
          expect(Math.abs(p.probabilities[label]! - prob)).toBeLessThan(1e-5);
      });
    } finally {
      await viaTfjs.stop();
    }
  });

  it("refuses instances that do not fit the signature with a 422 naming the instance and field", async () => {
    const bad = await serving.predict(
      "notes",
      { instances: [instance(ROWS[0]!), { ...instance(ROWS[1]!), skewness: "high" }] },
      tokens.operator,
    );
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error.message).toBe('instances[1].skewness: expected a number, got "high"');
    expect(body.error.details).toEqual([{ instance: 1, field: "skewness", message: 'expected a number, got "high"' }]);
    const short = await serving.predict("notes", { instances: [[1, 2, 3]] }, tokens.operator);
    expect((await short.json()).error.message).toMatch(
      /^instances\[0\]: expected 4 values \(variance, skewness, curtosis, entropy\), got 3/,
    );
    const unknown = await serving.predict(
      "notes",
      { instances: [{ ...instance(ROWS[0]!), colour: 1 }] },
      tokens.operator,
    );
    expect((await unknown.json()).error.message).toMatch(/instances\[0\]\.colour: is not a feature of this model/);
    const notJson = await fetch(`${serving.url}/api/v1/deployments/notes/predict`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.operator}` },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect((await serving.predict("nope", { instances: [[1, 2, 3, 4]] }, tokens.operator)).status).toBe(404);
    expect((await fetch(`${serving.url}/api/v1/deployments/notes/predict`)).status).toBe(405);
    expect((await (await fetch(`${serving.url}/elsewhere`)).json()).error.code).toBe("not_found");
  });

  it("sends a canary of weight 0.2 a fifth of 2,000 requests (±3 %), and the same key always to the same side", async () => {
    const patched = await call(deploymentRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { canary: { version: 2, weight: 0.2 } },
      params: { name: "notes" },
    });
    expect(patched.status).toBe(200);
    await serving.cache.sync();
    const roles = await Promise.all(
      Array.from({ length: 2000 }, async () => {
        const res = await serving.predict("notes", { instances: [instance(ROWS[7]!)] }, tokens.operator);
        return (await res.json()).role as string;
      }),
    );
    const share = roles.filter((r) => r === "canary").length / roles.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
    const keyed = await Promise.all(
      Array.from(
        { length: 20 },
        async () =>
          (
            await (
              await serving.predict("notes", { instances: [[1, 2, 3, 4]], key: "user-42" }, tokens.operator)
            ).json()
          ).role,
      ),
    );
    expect(new Set(keyed).size).toBe(1);
  }, 120_000);

  it("answers a revoked token 401 within seconds, and a predict-scoped token only predicts", async () => {
    const scoped = await createApiToken({ name: "shop-frontend", role: "viewer", scope: "predict" }, systemPrincipal);
    expect((await serving.predict("notes", { instances: [[1, 2, 3, 4]] }, scoped.token)).status).toBe(200);
    const viewer = await serving.predict("notes", { instances: [[1, 2, 3, 4]] }, tokens.viewer);
    expect(viewer.status).toBe(403);
    const readsWithScoped = await call(deploymentsRoute.GET, { token: scoped.token });
    expect(readsWithScoped.status).toBe(403);
    expect(readsWithScoped.body.error.message).toMatch(/scoped to predictions/);

    await revokeApiToken(scoped.id, systemPrincipal);
    const revokedAt = Date.now();
    serving.tokens.start(200);
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 5000) {
      status = (await serving.predict("notes", { instances: [[1, 2, 3, 4]] }, scoped.token)).status;
      await new Promise((r) => setTimeout(r, 50));
    }
    serving.tokens.stop();
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(3000);
  });
});

describe("monitoring", () => {
  it("finds no drift in inputs like the training data, and drift (PSI > 0.25) in a shifted feature", async () => {
    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "notes-drift", model: "notes", version: 1 },
    });
    await serving.cache.sync();
    for (let i = 0; i < ROWS.length; i += 100)
      await serving.predict(
        "notes-drift",
        { instances: ROWS.slice(i, i + 100).map((r) => instance(r)) },
        tokens.operator,
      );
    await serving.recorder.flush();
    const calm = await call(metricsRoute.GET, {
      token: tokens.viewer,
      path: "/api/v1/deployments/notes-drift/metrics",
      params: { name: "notes-drift" },
    });
    expect(calm.status).toBe(200);
    expect(calm.body.driftDetail.unknown).toBeNull();
    for (const f of FEATURES) expect(calm.body.drift[f]).toBeLessThan(0.1);
    expect(calm.body.driftDetail.isDrifting).toBe(false);

    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "notes-shift", model: "notes", version: 1 },
    });
    await serving.cache.sync();
    for (let i = 0; i < ROWS.length; i += 100)
      await serving.predict(
        "notes-shift",
        { instances: ROWS.slice(i, i + 100).map((r) => ({ ...instance(r), variance: r[0]! + 6 })) },
        tokens.operator,
      );
    await serving.recorder.flush();
    const shifted = await call(metricsRoute.GET, {
      token: tokens.viewer,
      path: "/api/v1/deployments/notes-shift/metrics",
      params: { name: "notes-shift" },
    });
    expect(shifted.body.drift.variance).toBeGreaterThan(0.25);
    expect(shifted.body.drift.skewness).toBeLessThan(0.1);
    const variance = shifted.body.driftDetail.features.find((f: { name: string }) => f.name === "variance");
    expect(variance).toMatchObject({ band: "drifted", test: { kind: "ks" } });
    expect(variance.test.pValue).toBeLessThan(1e-6);
    expect(shifted.body.requests).toBeGreaterThan(10);
    expect(shifted.body.latencyMs.p95).toBeGreaterThan(0);

    // Over time: the part of the window the predictions fell in shows the shift; the rest says nothing.
    const overTime = await deploymentDriftSeries("notes-shift", 60);
    const measured = overTime.buckets.filter((b) => b.psi !== null);
    expect(overTime.buckets).toHaveLength(12);
    expect(measured.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...measured.map((b) => b.psi!.variance!))).toBeGreaterThan(0.25);
    expect(Math.max(...measured.map((b) => b.psi!.skewness!))).toBeLessThan(0.1);
    const calmOverTime = await deploymentDriftSeries("notes-drift", 60);
    expect(Math.max(...calmOverTime.buckets.filter((b) => b.psi).map((b) => b.psi!.variance!))).toBeLessThan(0.1);
  }, 60_000);

  it("turns feedback into live accuracy, with its coverage", async () => {
    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "notes-fb", model: "notes", version: 1 },
    });
    await serving.cache.sync();
    const sample = ROWS.slice(0, 200);
    const answers: { requestId: string; label: string; truth: string }[] = [];
    for (const r of sample) {
      const body = await (await serving.predict("notes-fb", { instances: [instance(r)] }, tokens.operator)).json();
      answers.push({ requestId: body.requestId, label: body.predictions[0].label, truth: String(r[4]) });
    }
    await serving.recorder.flush();
    for (const a of answers.slice(0, 150))
      expect(
        (
          await call(feedbackRoute.POST, {
            token: tokens.operator,
            json: { requestId: a.requestId, label: a.truth },
            params: { name: "notes-fb" },
          })
        ).status,
      ).toBe(200);
    const metrics = await call(metricsRoute.GET, {
      token: tokens.viewer,
      path: "/api/v1/deployments/notes-fb/metrics",
      params: { name: "notes-fb" },
    });
    const expected = answers.slice(0, 150).filter((a) => a.label === a.truth).length / 150;
    expect(metrics.body.accuracy).toMatchObject({ labelled: 150, unmatched: 0 });
    expect(metrics.body.accuracy.accuracy).toBeCloseTo(expected, 10);
    expect(metrics.body.accuracy.coverage).toBeCloseTo(150 / 200, 10);
    const wrong = await call(feedbackRoute.POST, {
      token: tokens.operator,
      json: { requestId: answers[0]!.requestId, label: "7" },
      params: { name: "notes-fb" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/Unknown label 7; this model answers 0, 1/);
  }, 60_000);
});

describe("canary gates", () => {
  it("rolls a failing canary back automatically, with the evidence, to the approved version", async () => {
    // A version no serving process has loaded yet, whose weights are changed behind the
    // registry's back: it cannot load, so the canary's share of requests fails.
    await rig.run({
      type: "train",
      dataset: "banknote",
      modelName: "notes",
      gpus: 1,
      epochs: 5,
      model: { hidden: [2] },
    });
    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: {
        name: "notes-gate",
        model: "notes",
        version: 1,
        canary: { version: 3, weight: 0.5 },
        gates: { minRequests: 20, windowMinutes: 5 },
      },
    });
    // Gates count whole minutes after the canary started: as if it started two minutes ago.
    await db.deployment.update({
      where: { name: "notes-gate" },
      data: { canaryStartedAt: new Date(Date.now() - 120_000) },
    });
    const v2 = await db.modelVersion.findFirstOrThrow({ where: { model: { name: "notes" }, version: 3 } });
    const su = new pg.Client({ connectionString: getConfig().DATABASE_URL });
    await su.connect();
    await su.query(`ALTER TABLE "ModelArtifact" DISABLE TRIGGER "ModelArtifact_immutable"`);
    await su.query(
      `UPDATE "ModelArtifact" SET "weights" = set_byte("weights", 0, get_byte("weights", 0) # 1) WHERE "id" = $1`,
      [v2.artifactId],
    );
    await su.query(`ALTER TABLE "ModelArtifact" ENABLE TRIGGER "ModelArtifact_immutable"`);
    await su.end();
    await serving.cache.sync();
    const statuses = await Promise.all(
      Array.from(
        { length: 120 },
        async () => (await serving.predict("notes-gate", { instances: [[1, 2, 3, 4]] }, tokens.operator)).status,
      ),
    );
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(20);
    await serving.recorder.flush();

    const judged = await judgeCanaries();
    expect(judged.rolledBack).toBeGreaterThanOrEqual(1);
    const after = await call(deploymentRoute.GET, { token: tokens.viewer, params: { name: "notes-gate" } });
    expect(after.body).toMatchObject({ canary: null, stable: { version: 1 } });
    const event = after.body.events.find((e: { kind: string }) => e.kind === "rolled_back");
    expect(event.actor).toBe("system");
    expect(event.message).toMatch(/rolled back canary version 3: canary error rate/);
    expect(event.details.evidence).toMatchObject({
      canary: { version: 3 },
      stable: { version: 1 },
      limits: { minRequests: 20 },
    });
    expect(event.details.evidence.canary.errorRate).toBeGreaterThan(0.9);
    await serving.cache.sync();
    const healed = await Promise.all(
      Array.from(
        { length: 20 },
        async () => (await serving.predict("notes-gate", { instances: [[1, 2, 3, 4]] }, tokens.operator)).status,
      ),
    );
    expect(healed.every((s) => s === 200)).toBe(true);
    expect(
      await db.auditEvent.count({ where: { action: "deployment.auto_rollback", target: "deployment:notes-gate" } }),
    ).toBe(1);
  }, 60_000);
});

describe("Prometheus exposition", () => {
  it("exposes predict latency as a histogram per deployment and version, summed over every serving process", async () => {
    await serving.recorder.flush();
    const { GET } = await import("../../../app/api/metrics/route");
    const res = await GET(
      new Request("http://x/api/metrics", { headers: { authorization: `Bearer ${tokens.viewer}` } }),
    );
    const text = await res.text();
    expect(text).toMatch(/^# TYPE rackmind_predict_latency_seconds histogram$/m);
    const count = Number(
      /^rackmind_predict_latency_seconds_count\{deployment="notes-fb",model="notes",version="1"\} (\d+)$/m.exec(
        text,
      )?.[1],
    );
    const inf = Number(
      /^rackmind_predict_latency_seconds_bucket\{deployment="notes-fb",model="notes",version="1",le="\+Inf"\} (\d+)$/m.exec(
        text,
      )?.[1],
    );
    expect(count).toBe(200);
    expect(inf).toBe(200);
    const buckets = [
      ...text.matchAll(/^rackmind_predict_latency_seconds_bucket\{deployment="notes-fb",[^}]*le="([^"]+)"\} (\d+)$/gm),
    ].map((m) => Number(m[2]));
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(text).toMatch(
      /^rackmind_predict_errors_total\{deployment="notes-gate",model="notes",version="3"\} [1-9]\d*$/m,
    );
  });
});

describe("a fault is not drift", () => {
  it("shows the placement servers' GPU events beside the drift, and says energy per prediction is unknown without power", async () => {
    await call(deploymentsRoute.POST, {
      token: tokens.operator,
      json: { name: "notes-placed", model: "notes", version: 1, servers: ["node-a"] },
    });
    const gpu = await db.gpu.findFirstOrThrow({ where: { server: { hostname: "node-a" } } });
    const { ingestDcgm } = await import("../../../lib/telemetry/ingest");
    await ingestDcgm(
      `DCGM_FI_DEV_XID_ERRORS{gpu="${gpu.index}",UUID="${gpu.uuid}",Hostname="node-a"} 79\n`,
      new Date(),
    );
    const m = await call(metricsRoute.GET, {
      token: tokens.viewer,
      path: "/api/v1/deployments/notes-placed/metrics",
      params: { name: "notes-placed" },
    });
    expect(m.body.serverGpuEvents.events).toEqual([
      expect.objectContaining({
        uuid: gpu.uuid,
        kind: "xid",
        value: 79,
        text: expect.stringMatching(/fallen off the bus/),
      }),
    ]);
    // The basis speaks of the servers' window, not of a training run.
    expect(m.body.serverGpuEvents.basis).toMatch(/on the placement servers in this window/);
    expect(m.body.serverGpuEvents.basis).not.toMatch(/run/);
    expect(m.body.energyPer1kPredictions.kwh).toBeNull();
    expect(m.body.energyPer1kPredictions.basis).toMatch(/Not known/);
    const unplaced = await call(metricsRoute.GET, {
      token: tokens.viewer,
      path: "/api/v1/deployments/notes/metrics",
      params: { name: "notes" },
    });
    expect(unplaced.body.serverGpuEvents).toBeNull();
    expect(unplaced.body.energyPer1kPredictions.basis).toMatch(/placed on no server/);
  });
});
