import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as modelsRoute from "../../../app/api/v1/models/route";
import * as modelRoute from "../../../app/api/v1/models/[name]/route";
import * as versionsRoute from "../../../app/api/v1/models/[name]/versions/route";
import * as versionRoute from "../../../app/api/v1/models/[name]/versions/[version]/route";
import * as fileRoute from "../../../app/api/v1/models/[name]/versions/[version]/artifact/[file]/route";
import * as compareRoute from "../../../app/api/v1/models/[name]/compare/route";
import * as datasetModelsRoute from "../../../app/api/v1/datasets/[name]/versions/[version]/models/route";
import * as aliasRoute from "../../../app/api/v1/models/[name]/aliases/[alias]/route";
import { db } from "../../../lib/db";
import { buildFleet } from "../../support/job-fleet";
import { startJobRig, type JobRig } from "../../support/job-runs";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let rig: JobRig;
let tokens: Awaited<ReturnType<typeof tokensByRole>>;

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 2 }] }]);
  tokens = await tokensByRole();
  rig = await startJobRig();
  await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 150, modelName: "fraud", learningRate: 0.05 });
  await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 60, modelName: "fraud", learningRate: 0.01 });
  await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 10, modelName: "spam" });
}, 120_000);
afterAll(async () => rig.stop());

const get = <P extends Record<string, string>>(
  handler: typeof modelRoute.GET,
  path: string,
  params: P,
  token = tokens.viewer,
) => call(handler, { token, path, params });

describe("the registry API", () => {
  it("lists models with their latest version and aliases, and finds them by name", async () => {
    const res = await get(modelsRoute.GET, "/api/v1/models", {});
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { name: string }) => m.name)).toEqual(["fraud", "spam"]);
    expect(res.body.items[0]).toMatchObject({
      versions: 2,
      latest: { version: 2, dataset: "xor@1", source: "trained" },
    });
    const found = await get(modelsRoute.GET, "/api/v1/models?q=SPA", {});
    expect(found.body.items.map((m: { name: string }) => m.name)).toEqual(["spam"]);
    const paged = await get(modelsRoute.GET, "/api/v1/models?limit=1", {});
    const rest = await get(modelsRoute.GET, `/api/v1/models?limit=1&cursor=${paged.body.nextCursor}`, {});
    expect(rest.body.items.map((m: { name: string }) => m.name)).toEqual(["spam"]);
  });

  it("answers 404 for an unknown model or version, naming what is there", async () => {
    expect((await get(modelRoute.GET, "/api/v1/models/nope", { name: "nope" })).status).toBe(404);
    const v = await get(versionRoute.GET, "/api/v1/models/fraud/versions/9", { name: "fraud", version: "9" });
    expect(v.status).toBe(404);
    expect(v.body.error.message).toBe("Model fraud has no version 9 (its latest is 2)");
    const bad = await get(versionRoute.GET, "/api/v1/models/fraud/versions/x", { name: "fraud", version: "x" });
    expect(bad.status).toBe(422);
  });

  it("sorts versions by a figure, and hides archived ones unless asked", async () => {
    const byEpochs = await get(versionsRoute.GET, "/api/v1/models/fraud/versions?sort=created&order=asc", {
      name: "fraud",
    });
    expect(byEpochs.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const byAccuracy = await get(versionsRoute.GET, "/api/v1/models/fraud/versions?sort=accuracy&order=desc", {
      name: "fraud",
    });
    const accuracies = byAccuracy.body.items.map((v: { accuracy: number }) => v.accuracy);
    expect(accuracies).toEqual([...accuracies].sort((a, b) => b - a));
    const archive = await call(versionRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { archived: true, description: "superseded" },
      params: { name: "fraud", version: "1" },
    });
    expect(archive.status).toBe(200);
    expect(archive.body).toMatchObject({
      archived: true,
      archivedBy: "token:test-operator",
      description: "superseded",
    });
    const shown = await get(versionsRoute.GET, "/api/v1/models/fraud/versions", { name: "fraud" });
    expect(shown.body.items.map((v: { version: number }) => v.version)).toEqual([2]);
    const all = await get(versionsRoute.GET, "/api/v1/models/fraud/versions?archived=include", { name: "fraud" });
    expect(all.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Still readable and auditable.
    expect(
      (await get(versionRoute.GET, "/api/v1/models/fraud/versions/1", { name: "fraud", version: "1" })).status,
    ).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "model.version_archive", target: "model:fraud/1" } })).toBe(1);
    await call(versionRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { archived: false },
      params: { name: "fraud", version: "1" },
    });
  });

  it("lets viewers read but not write, and operators edit descriptions and tags (audited)", async () => {
    const denied = await call(modelRoute.PATCH, {
      method: "PATCH",
      token: tokens.viewer,
      json: { tags: ["x"] },
      params: { name: "fraud" },
    });
    expect(denied.status).toBe(403);
    const edited = await call(modelRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: { description: "Card fraud scoring", tags: ["payments", "tier-1"] },
      params: { name: "fraud" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: "Card fraud scoring", tags: ["payments", "tier-1"] });
    expect(edited.body.policies).toEqual(
      expect.arrayContaining([{ alias: "production", isProtected: true, requiresApproval: false, isDefault: true }]),
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "model.update", target: "model:fraud" } });
    expect(audit.details).toMatchObject({ tags: ["payments", "tier-1"] });
    const empty = await call(modelRoute.PATCH, {
      method: "PATCH",
      token: tokens.operator,
      json: {},
      params: { name: "fraud" },
    });
    expect(empty.status).toBe(422);
  });

  it("compares versions: the differing hyperparameters, metric deltas against the first, confusion matrices", async () => {
    const res = await get(compareRoute.GET, "/api/v1/models/fraud/compare?versions=1,2", { name: "fraud" });
    expect(res.status).toBe(200);
    const rows = Object.fromEntries(res.body.hyperparameters.map((r: { key: string }) => [r.key, r]));
    expect(rows.learningRate).toEqual({ key: "learningRate", values: [0.05, 0.01], differs: true });
    expect(rows.epochs).toMatchObject({ values: [150, 60], differs: true });
    expect(rows.optimizer).toMatchObject({ values: ["adam", "adam"], differs: false });
    const accuracy = res.body.metrics.find((m: { metric: string }) => m.metric === "accuracy");
    expect(accuracy.deltas[0]).toBe(0);
    expect(accuracy.deltas[1]).toBeCloseTo(accuracy.values[1] - accuracy.values[0], 10);
    expect(res.body.confusion.map((c: { version: number }) => c.version)).toEqual([1, 2]);
    expect(res.body.preprocessing.find((r: { key: string }) => r.key === "dataset")).toMatchObject({
      values: ["xor@1", "xor@1"],
      differs: false,
    });
    const missing = await get(compareRoute.GET, "/api/v1/models/fraud/compare?versions=1,7", { name: "fraud" });
    expect(missing.status).toBe(404);
    expect((await get(compareRoute.GET, "/api/v1/models/fraud/compare?versions=1", { name: "fraud" })).status).toBe(
      422,
    );
  });

  it("lists every version trained on a dataset version, saying which hold a protected alias (a data recall)", async () => {
    await call(aliasRoute.PUT, {
      method: "PUT",
      token: tokens.admin,
      json: { version: 2, note: "go" },
      params: { name: "fraud", alias: "production" },
    });
    const res = await get(datasetModelsRoute.GET, "/api/v1/datasets/xor/versions/1/models", {
      name: "xor",
      version: "1",
    });
    expect(res.status).toBe(200);
    expect(res.body.versions.map((v: { name: string; version: number }) => `${v.name}@${v.version}`).sort()).toEqual([
      "fraud@1",
      "fraud@2",
      "spam@1",
    ]);
    expect(res.body.protectedCount).toBe(1);
    expect(
      res.body.versions.find((v: { version: number; name: string }) => v.name === "fraud" && v.version === 2).aliases,
    ).toEqual([{ alias: "production", isProtected: true }]);
    expect(
      (await get(datasetModelsRoute.GET, "/api/v1/datasets/xor/versions/5/models", { name: "xor", version: "5" }))
        .status,
    ).toBe(404);
  });
});

describe("registering a model trained elsewhere", () => {
  /** A real TF.js model.json + weights: those of fraud v2, as an outside tool would have saved them. */
  async function exported() {
    const file = (f: string) =>
      fileRoute.GET(new Request(`http://x/${f}`, { headers: { authorization: `Bearer ${tokens.viewer}` } }), {
        params: Promise.resolve({ name: "fraud", version: "2", file: f }),
      });
    const modelJson = await (await file("model.json")).json();
    const weights = Buffer.from(await (await file("weights.bin")).arrayBuffer()).toString("base64");
    const signature = (await (await file("signature.json")).json()).signature;
    return {
      modelJson: { modelTopology: modelJson.modelTopology, weightsManifest: modelJson.weightsManifest },
      weights,
      signature,
    };
  }
  const post = (json: unknown, token = tokens.operator) =>
    call(versionsRoute.POST, { token, json, params: { name: "imported" } });

  it("registers it as the next version with external lineage, and refuses weights or a signature that do not fit", async () => {
    const body = { ...(await exported()), source: "notebook fraud-v7.ipynb, team risk" };
    expect((await post(body, tokens.viewer)).status).toBe(403);
    const short = await post({ ...body, weights: Buffer.from("abcd").toString("base64") });
    expect(short.status).toBe(422);
    expect(short.body.error.message).toMatch(/The weights are 4 bytes; the manifest declares \d+/);
    const wider = await post({
      ...body,
      signature: { ...body.signature, features: [...body.signature.features, { name: "c", type: "numeric" }] },
    });
    expect(wider.status).toBe(422);
    expect(wider.body.error.message).toMatch(/The model takes 2 inputs; the signature encodes to 3/);
    expect(await db.registeredModel.count({ where: { name: "imported" } })).toBe(0);

    const created = await post(body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ name: "imported", version: 1 });
    const v = await get(versionRoute.GET, "/api/v1/models/imported/versions/1", { name: "imported", version: "1" });
    expect(v.body).toMatchObject({
      source: "external",
      jobId: null,
      dataset: null,
      createdBy: "token:test-operator",
      lineage: { source: "external", externalSource: "notebook fraud-v7.ipynb, team risk", gpus: [] },
      energy: { kwh: null, note: expect.stringMatching(/outside Rackmind/) },
      signature: body.signature,
    });
    // The same weights as fraud v2, so the same weights hash; registration audited.
    const original = await get(versionRoute.GET, "/api/v1/models/fraud/versions/2", { name: "fraud", version: "2" });
    expect(v.body.artifact.weightsBytes).toBe(original.body.artifact.weightsBytes);
    expect(await db.auditEvent.count({ where: { action: "model.version_register", target: "model:imported/1" } })).toBe(
      1,
    );

    // An evaluation job gives it figures.
    const evaluation = await rig.run({ type: "evaluate", model: { name: "imported", version: 1 }, dataset: "xor" });
    const after = await get(versionRoute.GET, "/api/v1/models/imported/versions/1", { name: "imported", version: "1" });
    expect(after.body.evaluations).toEqual([expect.objectContaining({ jobId: evaluation, dataset: "xor@1" })]);
  }, 60_000);
});
