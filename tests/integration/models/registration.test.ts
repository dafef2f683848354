import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { getJob } from "../../../lib/jobs/queries";
import { runJob } from "../../../lib/jobs/queue/runner";
import { registerMissingVersions, registerVersion } from "../../../lib/models/registration";
import { draftTrainedVersion } from "../../../lib/models/trained-version";
import { getVersion } from "../../../lib/models/versions";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { updateSite } from "../../../lib/inventory/sites";
import { buildFleet } from "../../support/job-fleet";
import { runEpochOf, startJobRig, waitFor, type JobRig } from "../../support/job-runs";

let rig: JobRig;

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 4 }] }]);
  // A tariff and a grid intensity, so the run's cost and CO₂e can be priced.
  await updateSite("lab", { tariffPerKwh: 0.2, carbonGPerKwh: 300 }, systemPrincipal);
  rig = await startJobRig();
});
afterAll(async () => rig.stop());

const gpuLine = (uuid: string, metric: string, value: number, atMs: number) =>
  `${metric}{gpu="0",UUID="${uuid}",Hostname="node-a"} ${value} ${atMs}`;

describe("a training job registers its model version", () => {
  it("registers exactly one version with its whole lineage: dataset, code, GPUs, the XID they showed mid-run, energy", async () => {
    const id = await rig.submit({
      type: "train",
      template: "xor-adam",
      gpus: 1,
      epochs: 400,
      modelName: "xor-lineage",
    });
    const placed = await db.gpuAllocation.findFirstOrThrow({ where: { jobId: id } });
    const gpu = await db.gpu.findUniqueOrThrow({ where: { id: placed.gpuId } });
    const running = runJob(id, rig.ctx());
    await waitFor("training under way", async () => (await runEpochOf(id)) >= 5);
    // Mid-run, the placed GPU reports its power since its placement and an XID 94. (A power far
    // beyond a real GPU's, so that a run of seconds costs more than the rounding of money.)
    const start = placed.startedAt.getTime();
    const now = Date.now();
    await ingestDcgm(
      [
        gpuLine(gpu.uuid, "DCGM_FI_DEV_POWER_USAGE", 3_000_000, start),
        gpuLine(gpu.uuid, "DCGM_FI_DEV_POWER_USAGE", 3_000_000, now),
        gpuLine(gpu.uuid, "DCGM_FI_DEV_XID_ERRORS", 94, now),
      ].join("\n") + "\n",
      new Date(now),
    );
    expect(await running).toEqual({ kind: "finished", status: "succeeded" });

    const job = await getJob(id);
    expect(job.modelVersion).toEqual({ name: "xor-lineage", version: 1 });
    expect(await db.modelVersion.count({ where: { jobId: id } })).toBe(1);
    const v = await getVersion("xor-lineage", 1);
    expect(v).toMatchObject({ name: "xor-lineage", version: 1, source: "trained", jobId: id, dataset: "xor@1" });
    const { lineage } = v;
    expect(lineage.dataset).toMatchObject({ name: "xor", version: 1 });
    expect(lineage.dataset!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(lineage.dataset!.cleanedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(lineage.datasetHash).toBe(lineage.dataset!.contentHash);
    expect(lineage.preprocessing).toMatchObject({ target: "a xor b", classes: ["0", "1"] });
    expect(lineage.hyperparameters).toMatchObject({ optimizer: "adam", epochs: 400 });
    expect(lineage.seed).toEqual(expect.any(Number));
    expect(lineage.codeVersion).toMatchObject({ kind: expect.stringMatching(/^(git|package)$/) });
    expect(lineage.codeVersion!.value).toMatch(/^([0-9a-f]{40}|\d+\.\d+\.\d+)$/);
    expect(lineage.backend).toMatch(/^(tensorflow|wasm|cpu)$/);
    expect(lineage.job).toMatchObject({ id, createdBy: "system", team: "system", attempts: 1 });
    expect(lineage.run).toMatchObject({ id: job.runId, epochs: 400 });
    expect(lineage.gpus).toEqual([
      expect.objectContaining({ uuid: gpu.uuid, hostname: "node-a", rack: "r1", site: "lab", index: gpu.index }),
    ]);
    expect(lineage.gpus[0]!.to).toBe(job.finishedAt);
    expect(lineage.gpuEvents!.events).toEqual([
      expect.objectContaining({
        uuid: gpu.uuid,
        kind: "xid",
        value: 94,
        text: expect.stringContaining("contained ECC"),
      }),
    ]);
    expect(lineage.gpuEvents).toMatchObject({ gpusReporting: 1, gpus: 1 });
    expect(v.signature).toEqual({
      features: [
        { name: "a", type: "numeric", missingValues: [] },
        { name: "b", type: "numeric", missingValues: [] },
      ],
      target: "a xor b",
      labels: ["0", "1"],
    });
    expect(v.metrics.evaluation).toMatchObject({ classes: ["0", "1"] });
    expect(v.metrics.verdict?.kind).toEqual(expect.any(String));
    expect(v.verdict?.kind).toBe(v.metrics.verdict?.kind);
    // 3 MW between the two power samples (after the last one, nothing is assumed), at 0.2/kWh and 300 g/kWh.
    const hours = (now - start) / 3_600_000;
    expect(v.energy.kwh).toBeGreaterThan(0);
    expect(v.energy.kwh!).toBeCloseTo(3000 * hours, 4);
    expect(v.energy.cost).toBeCloseTo(v.energy.kwh! * 0.2, 3);
    expect(v.energy.co2eKg).toBeCloseTo(v.energy.kwh! * 0.3, 4);
    expect(v.energy.currency).toBe("USD");
    expect(v.energy.coverage).toBeGreaterThan(0.5);
    expect(v.artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
    const artifact = await db.modelArtifact.findUniqueOrThrow({ where: { runId: job.runId! } });
    expect(artifact.sha256).toBe(v.artifact.sha256);
    const log = await db.jobLog.findFirstOrThrow({ where: { jobId: id }, orderBy: { id: "desc" } });
    expect(log.message).toMatch(/registered model xor-lineage version 1; 1 GPU freed$/);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "model.version_register", target: "model:xor-lineage/1" },
    });
    expect(audit.details).toMatchObject({ job: id, dataset: "xor@1", sha256: v.artifact.sha256 });
  }, 120_000);

  it("says the energy and GPU events are not known when the GPUs sent no telemetry, instead of 0 and a clean run", async () => {
    const id = await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 5, modelName: "xor-silent" });
    const v = await getVersion("xor-silent", 1);
    expect(v.energy.kwh).toBeNull();
    expect(v.energy.note).toMatch(/No GPU power telemetry/);
    expect(v.lineage.gpuEvents!.basis).toMatch(/Not known/);
    expect(v.gpuEvents).toBeNull();
    expect((await getJob(id)).modelVersion).toEqual({ name: "xor-silent", version: 1 });
  }, 60_000);

  it("names a job without a model name after its dataset", async () => {
    const id = await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 3 });
    expect((await getJob(id)).modelVersion).toMatchObject({ name: "xor" });
  }, 60_000);

  it("gives two concurrent jobs of one model distinct versions 1 and 2", async () => {
    const twin = { type: "train", template: "xor-adam", gpus: 1, epochs: 20, modelName: "twins" };
    const a = await rig.submit(twin);
    const b = await rig.submit(twin);
    const results = await Promise.all([runJob(a, rig.ctx("w1")), runJob(b, rig.ctx("w2"))]);
    expect(results.map((r) => r.kind)).toEqual(["finished", "finished"]);
    const versions = [(await getJob(a)).modelVersion!.version, (await getJob(b)).modelVersion!.version];
    expect(versions.sort()).toEqual([1, 2]);
  }, 120_000);

  it("numbers eight registrations racing for one name 1 to 8, none twice", async () => {
    const jobs: string[] = [];
    for (let i = 0; i < 8; i++)
      jobs.push(await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 2, modelName: `solo-${i}` }));
    const drafts = await Promise.all(jobs.map((j) => draftTrainedVersion(j)));
    // Re-register each job's artifact under one new name, all at once (a fresh model, so numbering starts at 1).
    const racing = drafts.map((d) => ({ ...d, modelName: "race", jobId: null, runId: null, artifactId: d.artifactId }));
    await db.modelVersion.deleteMany({ where: { model: { name: { startsWith: "solo-" } } } });
    const registered = await Promise.all(racing.map((d) => db.$transaction((tx) => registerVersion(tx, d))));
    expect(registered.map((r) => r.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await db.registeredModel.findUniqueOrThrow({ where: { name: "race" } })).lastVersion).toBe(8);
  }, 120_000);

  it("registers a succeeded job that finished without a version (before the registry), once", async () => {
    const id = await rig.run({ type: "train", template: "xor-adam", gpus: 1, epochs: 3, modelName: "legacy" });
    // As a job stored before the registry: no version, an artifact without a hash.
    await db.modelVersion.delete({ where: { jobId: id } });
    await db.$executeRawUnsafe(`ALTER TABLE "ModelArtifact" DISABLE TRIGGER "ModelArtifact_immutable"`);
    await db.$executeRaw`UPDATE "ModelArtifact" SET "sha256" = NULL WHERE "runId" = (SELECT "runId" FROM "Job" WHERE "id" = ${id}::uuid)`;
    await db.$executeRawUnsafe(`ALTER TABLE "ModelArtifact" ENABLE TRIGGER "ModelArtifact_immutable"`);
    const registered = await registerMissingVersions();
    expect(registered).toEqual([expect.objectContaining({ name: "legacy", version: 2 })]);
    expect(await registerMissingVersions()).toEqual([]);
    const v = await getVersion("legacy", 2);
    expect(v.jobId).toBe(id);
    expect(v.artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});

describe("artifacts are immutable", () => {
  it("refuses to change a stored artifact's weights", async () => {
    const artifact = await db.modelArtifact.findFirstOrThrow({ where: { sha256: { not: null } } });
    await expect(
      db.$executeRaw`UPDATE "ModelArtifact" SET "weights" = '\\x00'::bytea WHERE "id" = ${artifact.id}::uuid`,
    ).rejects.toThrow(/immutable/);
    await expect(
      db.$executeRaw`UPDATE "ModelArtifact" SET "sha256" = 'x' WHERE "id" = ${artifact.id}::uuid`,
    ).rejects.toThrow(/immutable/);
  });

  it("keeps the ledger append-only", async () => {
    const model = await db.registeredModel.findFirstOrThrow();
    await db.modelAliasMove.create({
      data: { modelId: model.id, alias: "staging", toVersion: 1, actor: "system", at: new Date() },
    });
    await expect(db.$executeRawUnsafe(`DELETE FROM "ModelAliasMove"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "ModelAliasMove" SET "note" = 'x'`)).rejects.toThrow(/append-only/);
  });
});
