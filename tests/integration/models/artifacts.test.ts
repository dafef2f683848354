import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import type { Tensor } from "@tensorflow/tfjs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as artifactRoute from "../../../app/api/v1/models/[name]/versions/[version]/artifact/route";
import * as fileRoute from "../../../app/api/v1/models/[name]/versions/[version]/artifact/[file]/route";
import { getConfig } from "../../../lib/config";
import { db } from "../../../lib/db";
import { encodeInstance } from "../../../lib/datasets/preprocess";
import { getJob } from "../../../lib/jobs/queries";
import { runJob } from "../../../lib/jobs/queue/runner";
import { loadModelFromArtifact } from "../../../lib/models/artifact";
import { loadVerifiedArtifact } from "../../../lib/models/artifact-store";
import { loadTrainingBackend } from "../../../lib/training/backend/backend";
import { buildFleet } from "../../support/job-fleet";
import { startJobRig, type JobRig } from "../../support/job-runs";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

const root = path.resolve(import.meta.dirname, "../../..");
let rig: JobRig;
let tokens: Awaited<ReturnType<typeof tokensByRole>>;
let server: http.Server;
let baseUrl: string;
const MODEL = "xor-artifact";

// The artifact routes served over real HTTP, as Next would serve them, so a
// stock TF.js in another process can fetch model.json and then weights.bin.
function serveArtifactRoutes(): Promise<string> {
  server = http.createServer(async (req, res) => {
    const m = /^\/api\/v1\/models\/([^/]+)\/versions\/(\d+)\/artifact(?:\/([^/?]+))?/.exec(req.url ?? "");
    if (!m) return void res.writeHead(404).end();
    const [, name, version, file] = m;
    const request = new Request(`http://127.0.0.1${req.url}`, {
      headers: { authorization: req.headers.authorization ?? "" },
    });
    const values: Record<string, string> = { name: name!, version: version! };
    if (file) values.file = file;
    const params = Promise.resolve(values);
    const answer = await (file ? fileRoute.GET : artifactRoute.GET)(request, { params });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)),
  );
}

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 2 }] }]);
  tokens = await tokensByRole();
  rig = await startJobRig();
  await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 300, modelName: MODEL });
  baseUrl = await serveArtifactRoutes();
}, 120_000);
afterAll(async () => {
  server?.close();
  await rig.stop();
});

const XOR = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** Predictions of a stock @tensorflow/tfjs (CPU backend) in a fresh Node process, loading over HTTP. */
async function predictInFreshProcess(url: string, rows: number[][]): Promise<number[][]> {
  const script = `
    import * as tf from "@tensorflow/tfjs";
    await tf.setBackend("cpu");
    const model = await tf.loadLayersModel(process.env.MODEL_URL, {
      requestInit: { headers: { authorization: "Bearer " + process.env.TOKEN } },
    });
    const out = model.predict(tf.tensor2d(JSON.parse(process.env.ROWS)));
    process.stdout.write("\\n" + JSON.stringify(out.arraySync()) + "\\n");`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    env: { ...process.env, MODEL_URL: url, TOKEN: tokens.viewer, ROWS: JSON.stringify(rows) },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as number[][];
}

describe("model artifacts", () => {
  it("load in a fresh process with stock tf.loadLayersModel and predict exactly as Rackmind does", async () => {
    const version = await db.modelVersion.findFirstOrThrow({ where: { model: { name: MODEL } } });
    const artifact = await loadVerifiedArtifact(version.artifactId, "test");
    const rows = XOR.map((r) => encodeInstance(artifact.preprocessing, r));
    const { tf } = await loadTrainingBackend();
    const loaded = await loadModelFromArtifact(tf, artifact);
    const here = (loaded.model.predict(tf.tensor2d(rows)) as Tensor).arraySync() as number[][];
    loaded.model.dispose();

    const there = await predictInFreshProcess(`${baseUrl}/api/v1/models/${MODEL}/versions/1/artifact`, rows);
    expect(there).toHaveLength(4);
    there.flat().forEach((p, i) => expect(p).toBeCloseTo(here.flat()[i]!, 5));
    // The model learnt XOR: stock TF.js gives the same answers.
    expect(there.map((p) => (p[0]! > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  }, 60_000);

  it("serves model.json, weights.bin and the sidecar as files, with their hashes", async () => {
    const get = (file: string) =>
      fileRoute.GET(
        new Request(`http://x/api/v1/models/${MODEL}/versions/1/artifact/${file}`, {
          headers: { authorization: `Bearer ${tokens.viewer}` },
        }),
        {
          params: Promise.resolve({ name: MODEL, version: "1", file }),
        },
      );
    const weights = await get("weights.bin");
    expect(weights.status).toBe(200);
    expect(weights.headers.get("content-type")).toBe("application/octet-stream");
    const bytes = Buffer.from(await weights.arrayBuffer());
    const sidecar = await (await get("signature.json")).json();
    expect(sidecar).toMatchObject({ name: MODEL, version: 1, signature: { labels: ["0", "1"] } });
    expect(sidecar.weightsSha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(weights.headers.get("x-rackmind-weights-sha256")).toBe(sidecar.weightsSha256);
    expect(weights.headers.get("etag")).toBe(`"${sidecar.sha256}"`);
    const modelJson = await (await get("model.json")).json();
    expect(modelJson.weightsManifest[0].paths).toEqual(["weights.bin"]);
    expect(modelJson.userDefinedMetadata.rackmind).toMatchObject({ sha256: sidecar.sha256, classes: ["0", "1"] });
    const inline = await call(artifactRoute.GET, {
      token: tokens.viewer,
      path: `/api/v1/models/${MODEL}/versions/1/artifact?weights=inline`,
      params: { name: MODEL, version: "1" },
    });
    expect(Buffer.from(inline.body.weightData, "base64").equals(bytes)).toBe(true);
  });

  it("refuses an artifact changed behind the registry's back (a superuser bypassing the trigger), to download or to evaluate", async () => {
    const victim = await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 3, modelName: "tampered" });
    const { runId } = await getJob(victim);
    // A superuser connection: disable the immutability trigger, flip one bit of the weights.
    const su = new pg.Client({ connectionString: getConfig().DATABASE_URL });
    await su.connect();
    try {
      await su.query(`ALTER TABLE "ModelArtifact" DISABLE TRIGGER "ModelArtifact_immutable"`);
      await su.query(
        `UPDATE "ModelArtifact" SET "weights" = set_byte("weights", 0, get_byte("weights", 0) # 1) WHERE "runId" = $1`,
        [runId],
      );
      await su.query(`ALTER TABLE "ModelArtifact" ENABLE TRIGGER "ModelArtifact_immutable"`);
    } finally {
      await su.end();
    }
    const res = await call(artifactRoute.GET, {
      token: tokens.viewer,
      path: "/api/v1/models/tampered/versions/1/artifact",
      params: { name: "tampered", version: "1" },
    });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("integrity_error");
    expect(res.body.error.message).toMatch(/tampered version 1 fails its integrity check.*refuses to load it/);

    const evaluation = await rig.submit({ type: "evaluate", model: { name: "tampered", version: 1 }, dataset: "xor" });
    expect(await runJob(evaluation, rig.ctx())).toEqual({ kind: "finished", status: "failed" });
    const failed = await getJob(evaluation);
    expect(failed.error).toMatch(/fails its integrity check/);
    expect(failed.attempts).toBe(1);
  }, 60_000);

  it("evaluates a version named by its alias and attaches the result to that version", async () => {
    await db.$transaction(async (tx) => {
      const { applyMove } = await import("../../../lib/models/aliases");
      const model = await tx.registeredModel.findUniqueOrThrow({ where: { name: MODEL } });
      await applyMove(
        tx,
        { modelId: model.id, name: MODEL, alias: "staging", version: 1, note: null },
        { actor: "system" },
        {
          kind: "system",
          name: "system",
          role: "admin",
        },
      );
    });
    const id = await rig.run({ type: "evaluate", model: { name: MODEL, alias: "staging" }, dataset: "xor" });
    const job = await getJob(id);
    expect(job).toMatchObject({ status: "succeeded", modelVersion: { name: MODEL, version: 1 } });
    expect(job.spec).toMatchObject({ model: { name: MODEL, version: 1, alias: "staging" } });
    const { getVersion } = await import("../../../lib/models/versions");
    const v = await getVersion(MODEL, 1);
    expect(v.evaluations).toEqual([expect.objectContaining({ jobId: id, dataset: "xor@1", accuracy: 1 })]);
  }, 60_000);
});
