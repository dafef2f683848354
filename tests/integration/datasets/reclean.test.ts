import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as datasetRoute from "../../../app/api/v1/datasets/route";
import * as versionsRoute from "../../../app/api/v1/datasets/[name]/versions/route";
import { loadCleaned } from "../../../lib/datasets/datasets";
import { db } from "../../../lib/db";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

// Two hashes per version, and re-cleaning a stored version's bytes with
// zero-means-missing: the real Pima file, the real route handlers, the real
// database (PGlite, and the server when TEST_DATABASE_URL is set).
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const pima = readFileSync(path.resolve(repoRoot, "../shared/datasets/pima-indians-diabetes.csv"), "utf8");
const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const SUSPECTS = ["c1", "c2", "c3", "c4", "c5"];

let tokens: Awaited<ReturnType<typeof tokensByRole>>;
beforeAll(async () => {
  tokens = await tokensByRole();
});

const upload = (query: string, body = pima) =>
  call(datasetRoute.POST, {
    path: `/api/v1/datasets?${query}`,
    token: tokens.operator,
    body,
    headers: { "content-type": "text/csv" },
  });
const reclean = (name: string, json: unknown, token = tokens.operator) =>
  call(versionsRoute.POST, { path: `/api/v1/datasets/${name}/versions`, token, json, params: { name } });

async function counts() {
  const [versions, audits] = await Promise.all([
    db.datasetVersion.count(),
    db.auditEvent.count({ where: { action: { startsWith: "dataset." } } }),
  ]);
  return { versions, audits };
}

async function storedCleanedHash(id: string): Promise<string> {
  const row = await db.datasetVersion.findUniqueOrThrow({ where: { id }, select: { cleaned: true } });
  return sha256(row.cleaned);
}

describe("the bytes hash and the cleaned hash", () => {
  it("gives the same Pima bytes one bytes hash and two cleaned hashes, with and without zero-means-missing", async () => {
    const off = await upload("name=pima-hash&header=false&target=8");
    const on = await upload("name=pima-hash&header=false&target=8&zeroMissing=1,2,3,4,5");
    expect([off.status, on.status]).toEqual([201, 201]);
    expect(off.body.contentHash).toBe(sha256(pima));
    expect(on.body.contentHash).toBe(off.body.contentHash);
    expect(on.body.cleanedHash).not.toBe(off.body.cleanedHash);
    // Each is the sha256 of the cleaned bytes stored with it, which training loads.
    expect(off.body.cleanedHash).toBe(await storedCleanedHash(off.body.id));
    expect(on.body.cleanedHash).toBe(await storedCleanedHash(on.body.id));
    expect((await loadCleaned(on.body.id)).features[1]!.missingValues).toEqual([0]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "dataset.upload", target: "dataset:pima-hash" },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({
      version: 2,
      contentHash: on.body.contentHash,
      cleanedHash: on.body.cleanedHash,
    });
  });

  it("answers the same version for the same bytes and options a second time, writing nothing", async () => {
    const before = await counts();
    const again = await upload("name=pima-hash&header=false&target=c8&zeroMissing=c1,c2,c3,c4,c5");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 2, isExisting: true });
    expect(await counts()).toEqual(before);
  });

  it("shows both hashes in the version list and the dataset list", async () => {
    const versions = await call(versionsRoute.GET, {
      path: "/api/v1/datasets/pima-hash/versions",
      token: tokens.viewer,
      params: { name: "pima-hash" },
    });
    const [v2, v1] = versions.body.items;
    expect(v2.contentHash).toBe(v1.contentHash);
    expect(v2.cleanedHash).not.toBe(v1.cleanedHash);
    expect(v1.cleanedHash).toMatch(/^[0-9a-f]{64}$/);
    const list = await call(datasetRoute.GET, { path: "/api/v1/datasets", token: tokens.viewer });
    expect(list.body.items.find((d: { name: string }) => d.name === "pima-hash").latest).toMatchObject({
      version: 2,
      cleanedHash: v2.cleanedHash,
    });
  });

  it("keeps the cleaned hash true whoever writes the row: a new cleaned value is rehashed and a hand-set hash is put right", async () => {
    const { id } = await db.datasetVersion.findFirstOrThrow({ where: { dataset: { name: "pima-hash" }, version: 1 } });
    const bytes = new Uint8Array(Buffer.from("changed by hand"));
    const updated = await db.datasetVersion.update({
      where: { id },
      data: { cleaned: bytes },
      select: { cleanedHash: true },
    });
    expect(updated.cleanedHash).toBe(sha256(bytes));
    await db.$executeRaw`UPDATE "DatasetVersion" SET "cleanedHash" = ${"f".repeat(64)} WHERE "id" = ${id}::uuid`;
    expect((await db.datasetVersion.findUniqueOrThrow({ where: { id } })).cleanedHash).toBe(sha256(bytes));
  });
});

describe("re-cleaning a stored version with zero-means-missing", () => {
  let v1: { id: string; cleanedHash: string; contentHash: string };

  it("reports the zeros of glucose, blood pressure, skin, insulin and BMI on an upload without zero-means-missing", async () => {
    const res = await upload("name=pima-offer&header=false&target=8");
    expect(res.status).toBe(201);
    v1 = res.body;
    expect(res.body.cleaning.zeroSuspects.map((s: { column: string; zeros: number }) => [s.column, s.zeros])).toEqual([
      ["c1", 5],
      ["c2", 35],
      ["c3", 227],
      ["c4", 374],
      ["c5", 11],
    ]);
    expect(res.body.cleaning.warnings.join("\n")).toMatch(/652 exact zeros .* look like "not measured"/);
    const pregnancies = res.body.cleaning.columns.find((c: { name: string }) => c.name === "c0");
    expect(pregnancies.imputation).toMatchObject({ cells: 0 });
  });

  it("makes version 2 from the stored bytes with the suspects as zero-means-missing, audited, answering 201", async () => {
    const res = await reclean("pima-offer", { from: 1, zeroMissing: SUSPECTS });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "pima-offer",
      version: 2,
      isExisting: false,
      contentHash: v1.contentHash,
      options: { header: false, target: "c8", zeroMissing: SUSPECTS },
      cleaning: { missing: { c1: 5, c2: 35, c3: 227, c4: 374, c5: 11 }, imputed: 652, zeroSuspects: [] },
    });
    expect(res.body.cleanedHash).not.toBe(v1.cleanedHash);
    expect(res.body.cleanedHash).toBe(await storedCleanedHash(res.body.id));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dataset.reclean" } });
    expect(audit).toMatchObject({
      actor: "token:test-operator",
      target: "dataset:pima-offer",
      details: expect.objectContaining({
        version: 2,
        from: 1,
        changed: { zeroMissing: SUSPECTS },
        contentHash: v1.contentHash,
        cleanedHash: res.body.cleanedHash,
      }),
    });
  });

  it("answers 200 with that version when the same re-clean is asked again, or the same upload is made, writing nothing", async () => {
    const before = await counts();
    const again = await reclean("pima-offer", { from: 1, zeroMissing: [1, 2, 3, 4, 5] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 2, isExisting: true });
    const uploaded = await upload("name=pima-offer&header=false&target=8&zeroMissing=1,2,3,4,5");
    expect(uploaded.body).toMatchObject({ version: 2, isExisting: true });
    const unchanged = await reclean("pima-offer", { from: 1 });
    expect(unchanged.body).toMatchObject({ version: 1, isExisting: true });
    expect(await counts()).toEqual(before);
  });

  it("keeps the options it is not given from the version it starts from", async () => {
    const res = await reclean("pima-offer", { from: 2, normalisation: "minmax", impute: { columns: { c4: "mean" } } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 3,
      options: {
        zeroMissing: SUSPECTS,
        normalisation: "minmax",
        impute: { numeric: "median", columns: { c4: "mean" } },
      },
      cleaning: { normalisation: { method: "minmax" } },
    });
    expect(res.body.cleaning.columns.find((c: { name: string }) => c.name === "c4").imputation).toMatchObject({
      strategy: "mean",
      cells: 374,
    });
  });

  it("refuses viewers, unknown versions and bodies that do not fit, writing nothing", async () => {
    const before = await counts();
    expect((await reclean("pima-offer", { from: 1, zeroMissing: SUSPECTS }, tokens.viewer)).status).toBe(403);
    const unknown = await reclean("pima-offer", { from: 9 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Dataset pima-offer version 9 does not exist");
    expect((await reclean("nope", { from: 1 })).status).toBe(404);
    const misspelt = await reclean("pima-offer", { from: 1, zeromissing: SUSPECTS });
    expect(misspelt.status).toBe(422);
    expect((await reclean("pima-offer", { zeroMissing: SUSPECTS })).status).toBe(422);
    const noColumn = await reclean("pima-offer", { from: 1, zeroMissing: ["glucose"] });
    expect(noColumn.status).toBe(422);
    expect(noColumn.body.error.details).toEqual([
      { path: "zeroMissing", message: expect.stringContaining('no column "glucose"') },
    ]);
    expect((await reclean("pima-offer", { from: 1, zeroMissing: ["c8"] })).body.error.details).toEqual([
      { path: "zeroMissing", message: "the target column c8 cannot be zero-means-missing" },
    ]);
    const notJson = await call(versionsRoute.POST, {
      path: "/api/v1/datasets/pima-offer/versions",
      token: tokens.operator,
      body: "{from:",
      headers: { "content-type": "application/json" },
      params: { name: "pima-offer" },
    });
    expect(notJson.status).toBe(400);
    const csv = await call(versionsRoute.POST, {
      path: "/api/v1/datasets/pima-offer/versions",
      token: tokens.operator,
      body: pima,
      headers: { "content-type": "text/csv" },
      params: { name: "pima-offer" },
    });
    expect(csv.status).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it("answers 409 when the version's stored options cannot be read back", async () => {
    const small = await upload("name=odd-options", "a,y\n1,x\n2,z\n3,x\n");
    await db.datasetVersion.update({ where: { id: small.body.id }, data: { options: { legacy: true } } });
    const res = await reclean("odd-options", { from: 1, normalisation: "none" });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/cannot be read back; upload the file again/);
  });
});
