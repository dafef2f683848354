import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as datasetRoute from "../../../app/api/v1/datasets/route";
import * as versionRoute from "../../../app/api/v1/datasets/[name]/route";
import * as versionsRoute from "../../../app/api/v1/datasets/[name]/versions/route";
import { getDatasetVersion, loadCleaned } from "../../../lib/datasets/datasets";
import { prepareTrainingData } from "../../../lib/datasets/prepare";
import { MAX_DATASET_BYTES } from "../../../lib/datasets/schemas";
import { db } from "../../../lib/db";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const pima = readFileSync(path.resolve(repoRoot, "../shared/datasets/pima-indians-diabetes.csv"), "utf8");
const PIMA_QUERY = "name=pima&header=false&target=8&zeroMissing=1,2,3,4,5";

let tokens: Awaited<ReturnType<typeof tokensByRole>>;
beforeAll(async () => {
  tokens = await tokensByRole();
});

const upload = (query: string, body: string, token = tokens.operator, contentType = "text/csv") =>
  call(datasetRoute.POST, { path: `/api/v1/datasets?${query}`, token, body, headers: { "content-type": contentType } });

/** Everything an upload can write, to show that a refused one wrote nothing. */
async function counts() {
  const [datasets, versions, audits] = await Promise.all([
    db.dataset.count(),
    db.datasetVersion.count(),
    db.auditEvent.count({ where: { action: "dataset.upload" } }),
  ]);
  return { datasets, versions, audits };
}

describe("uploading datasets", () => {
  it("stores an upload as version 1 with its hash, report and an audit event, answering 201", async () => {
    const res = await upload(PIMA_QUERY, pima);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "pima",
      version: 1,
      rows: 768,
      sourceRows: 768,
      isExisting: false,
      contentHash: createHash("sha256").update(pima).digest("hex"),
      cleaning: {
        duplicatesRemoved: 0,
        missing: { c1: 5, c2: 35, c3: 227, c4: 374, c5: 11 },
        imputed: 652,
        normalisation: { method: "zscore" },
      },
      classes: [
        { label: "0", count: 500 },
        { label: "1", count: 268 },
      ],
    });
    expect(res.body.columns).toHaveLength(9);
    expect(res.body.columns[8]).toEqual({ name: "c8", type: "numeric", role: "target" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dataset.upload" } });
    expect(audit).toMatchObject({
      actor: "token:test-operator",
      target: "dataset:pima",
      details: expect.objectContaining({ version: 1, rows: 768 }),
    });
    const stored = await db.datasetVersion.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(Buffer.from(stored.source).toString("utf8")).toBe(pima);
  });

  it("answers 200 with the same version for the same bytes and options, writing nothing", async () => {
    const before = await counts();
    // target=c8 resolves to the same column as target=8: the same upload.
    const res = await upload("name=pima&header=false&target=c8&zeroMissing=1,2,3,4,5", pima);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "pima", version: 1, isExisting: true });
    expect(await counts()).toEqual(before);
  });

  it("makes version 2 for changed bytes, and version 3 for the same bytes with other options", async () => {
    const changed = await upload(PIMA_QUERY, pima.split("\n").slice(0, 700).join("\n"));
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ version: 2, rows: 700 });
    const minmax = await upload(`${PIMA_QUERY}&normalisation=minmax`, pima);
    expect(minmax.status).toBe(201);
    expect(minmax.body).toMatchObject({ version: 3, cleaning: { normalisation: { method: "minmax" } } });
    expect(await db.dataset.count({ where: { name: "pima" } })).toBe(1);
  });

  it("numbers concurrent first uploads of one name 1 and 2 rather than failing one", async () => {
    const [a, b] = await Promise.all([upload("name=race", "a,y\n1,x\n2,z\n"), upload("name=race", "a,y\n3,x\n4,z\n")]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.version, b.body.version].sort()).toEqual([1, 2]);
  });

  it("refuses viewers with 403 and anonymous callers with 401", async () => {
    expect((await upload(PIMA_QUERY, pima, tokens.viewer)).status).toBe(403);
    expect(
      (
        await call(datasetRoute.POST, {
          path: `/api/v1/datasets?${PIMA_QUERY}`,
          body: pima,
          headers: { "content-type": "text/csv" },
        })
      ).status,
    ).toBe(401);
  });

  it("refuses a ragged CSV with 422 listing the lines, and writes nothing", async () => {
    const before = await counts();
    const res = await upload("name=broken&header=true", "a,b,y\n1,2,x\n3,y\n4,5,z\n6,7,8,9\n");
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: "unprocessable_entity",
      details: [
        { line: 3, message: "expected 3 cells, found 2" },
        { line: 5, message: "expected 3 cells, found 4" },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses no data, an unknown target, a one-class target and bad options with 422, writing nothing", async () => {
    const before = await counts();
    expect((await upload("name=empty", "a,b,y\n")).body.error.details).toEqual([
      { line: 2, message: "the CSV has a header but no data rows" },
    ]);
    expect((await upload("name=t&target=label", "a,y\n1,x\n2,z\n")).body.error.details).toEqual([
      { path: "target", message: 'no column "label" (columns: 0:a, 1:y)' },
    ]);
    expect((await upload("name=one", "a,y\n1,x\n2,x\n")).status).toBe(422);
    const bad = await upload("name=opts&normalisation=l2&impute=x:average", "a,y\n1,x\n2,z\n");
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["impute", "normalisation"]);
    expect((await upload("name=bad%20name", "a,y\n1,x\n2,z\n")).status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it("answers 413 above 100 MiB, a limit well above the API's default body limit", async () => {
    const declare = (bytes: number) =>
      call(datasetRoute.POST, {
        path: "/api/v1/datasets?name=big",
        token: tokens.operator,
        body: "a,y\n1,x\n2,z\n",
        headers: { "content-type": "text/csv", "content-length": String(bytes) },
      });
    const tooBig = await declare(MAX_DATASET_BYTES + 1);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: "payload_too_large", details: { limitBytes: 100 * 1024 * 1024 } });
    expect((await declare(11 * 1024 * 1024)).status).not.toBe(413);
  });

  it("answers 415 for a body that is not text/csv", async () => {
    expect((await upload("name=json", "{}", tokens.operator, "application/json")).status).toBe(415);
  });
});

describe("reading datasets", () => {
  it("lists datasets with their latest version, paged by name", async () => {
    await upload("name=seeds-a", "a,y\n1,x\n2,z\n");
    const first = await call(datasetRoute.GET, { path: "/api/v1/datasets?limit=2", token: tokens.viewer });
    expect(first.status).toBe(200);
    // "big" is from the 413 test: its declared length was a lie, its body a valid CSV.
    expect(first.body.items.map((d: { name: string }) => d.name)).toEqual(["big", "pima"]);
    expect(first.body.items[1]).toMatchObject({
      name: "pima",
      versions: 3,
      latest: { version: 3, rows: 768, columnCount: 9, createdBy: "token:test-operator" },
    });
    const second = await call(datasetRoute.GET, {
      path: `/api/v1/datasets?limit=2&cursor=${first.body.nextCursor}`,
      token: tokens.viewer,
    });
    expect(second.body.items.map((d: { name: string }) => d.name)).toEqual(["race", "seeds-a"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("shows the latest version, or the one asked for, with its cleaning report", async () => {
    const latest = await call(versionRoute.GET, {
      path: "/api/v1/datasets/pima",
      token: tokens.viewer,
      params: { name: "pima" },
    });
    expect(latest.body).toMatchObject({ name: "pima", version: 3 });
    const v2 = await call(versionRoute.GET, {
      path: "/api/v1/datasets/pima?version=2",
      token: tokens.viewer,
      params: { name: "pima" },
    });
    expect(v2.body).toMatchObject({ version: 2, rows: 700, cleaning: { sourceRows: 700 } });
    expect(v2.body.cleaning.columns.find((c: { name: string }) => c.name === "c4")).toMatchObject({
      missing: expect.any(Number),
      imputation: { strategy: "median" },
    });
    const missing = await call(versionRoute.GET, {
      path: "/api/v1/datasets/pima?version=9",
      token: tokens.viewer,
      params: { name: "pima" },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("Dataset pima version 9 does not exist");
    expect(
      (await call(versionRoute.GET, { path: "/api/v1/datasets/nope", token: tokens.viewer, params: { name: "nope" } }))
        .status,
    ).toBe(404);
  });

  it("lists a dataset's versions newest first", async () => {
    const res = await call(versionsRoute.GET, {
      path: "/api/v1/datasets/pima/versions",
      token: tokens.viewer,
      params: { name: "pima" },
    });
    expect(res.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(
      (
        await call(versionsRoute.GET, {
          path: "/api/v1/datasets/nope/versions",
          token: tokens.viewer,
          params: { name: "nope" },
        })
      ).status,
    ).toBe(404);
  });

  it("finds a version by id, name and name@version, and loads its cleaned rows for training", async () => {
    const v1 = await getDatasetVersion("pima@1");
    expect((await getDatasetVersion(v1.id)).version).toBe(1);
    expect((await getDatasetVersion("pima")).version).toBe(3);
    const cleaned = await loadCleaned(v1.id);
    expect(cleaned.rows).toHaveLength(768);
    expect(cleaned.features.map((f) => f.missingValues)).toEqual([[], [0], [0], [0], [0], [0], [], []]);
    const prepared = prepareTrainingData(cleaned, { seed: 1 });
    expect(prepared.train.x.length + prepared.validation.x.length + prepared.test.x.length).toBe(768);
    await expect(loadCleaned("not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});
