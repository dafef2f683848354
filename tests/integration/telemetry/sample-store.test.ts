// The storage layer under ingest: on a PostgreSQL server a big batch goes in by
// binary COPY (raw rows and the fold queue, encoded by hand), on PGlite by SQL.
// Either way every value must come back bit for bit, and a batch must be stored
// and queued together or not at all.
import { beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "../../../lib/config";
import { db } from "../../../lib/db";
import { getPool } from "../../../lib/database/pool";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { foldTelemetry } from "../../../lib/telemetry/store/fold";
import { pendingSampleCount } from "../../../lib/telemetry/store/fold-statements";
import { FOLD_BATCH_MAX, storeSamples, type SampleColumns } from "../../../lib/telemetry/store/sample-store";

let gpuIds: string[];
beforeAll(async () => {
  await seedDemoFleet();
  gpuIds = (await db.gpu.findMany({ take: 4, orderBy: { uuid: "asc" } })).map((g) => g.id);
  // Field ids far from the registered ones (the wide rollups' arrays get a long
  // run of NULLs before them); registered, as ingest registers every field.
  await getPool().query(
    `INSERT INTO "TelemetryField" (id, name) VALUES (101, 'TEST_FIELD_101'), (103, 'TEST_FIELD_103'), (104, 'TEST_FIELD_104'), (105, 'TEST_FIELD_105'), (106, 'TEST_FIELD_106') ON CONFLICT DO NOTHING`,
  );
});

// Times before 2000 (negative in COPY's epoch), at ms precision, and values
// that text round trips tend to mangle.
const EDGE_TIMES = [
  Date.UTC(1999, 11, 31, 23, 59, 59, 999),
  Date.UTC(2000, 0, 1),
  Date.UTC(2026, 10, 28, 12, 0, 0, 1),
  Date.UTC(2026, 10, 28, 23, 59, 59, 999),
];
// (Ingest refuses |v| > 1e300, so rollup sums cannot overflow.)
const EDGE_VALUES = [-1.5, 0, 5e-324, 1e300, 0.1 + 0.2, Number("-123456789.123456789"), 42];

function batch(size: number, field: number): SampleColumns {
  const cols: SampleColumns = { gpuIds: [], fieldIds: [], atMs: [], values: [] };
  for (let i = 0; i < size; i++) {
    cols.gpuIds.push(gpuIds[i % gpuIds.length]!);
    cols.fieldIds.push(field);
    // Every (GPU, time) pair once: GPU fastest, then the edge time, then seconds.
    cols.atMs.push(
      EDGE_TIMES[Math.floor(i / gpuIds.length) % EDGE_TIMES.length]! +
        Math.floor(i / (gpuIds.length * EDGE_TIMES.length)) * 1000,
    );
    cols.values.push(EDGE_VALUES[i % EDGE_VALUES.length]!);
  }
  return cols;
}

async function storedRows(field: number) {
  const { rows } = await getPool().query<{ gpuId: string; ms: string; value: number }>(
    `SELECT "gpuId", (extract(epoch FROM "at") * 1000)::int8::text AS ms, "value" FROM "GpuSample" WHERE "fieldId" = $1 ORDER BY 1, 2`,
    [field],
  );
  return rows.map((r) => `${r.gpuId}|${r.ms}|${r.value}`);
}

const expected = (cols: SampleColumns) => cols.gpuIds.map((g, i) => `${g}|${cols.atMs[i]}|${cols.values[i]}`).sort();

describe("storeSamples", () => {
  it("stores a big batch exactly (times before 2000, ms precision, extreme floats) and queues it in rows of at most FOLD_BATCH_MAX", async () => {
    const cols = batch(FOLD_BATCH_MAX + 5_000, 101);
    expect(await storeSamples(getPool(), cols)).toEqual({
      stored: cols.gpuIds.length,
      queuedForFold: cols.gpuIds.length,
      foldedGpuIds: [],
    });
    expect(await storedRows(101)).toEqual(expected(cols));
    if (getConfig().RACKMIND_DB_KIND === "pglite") {
      const queue = await getPool().query<{ samples: number; n: number }>(
        `SELECT "samples", cardinality("values") AS n FROM "TelemetryFoldBatch" ORDER BY "id"`,
      );
      expect(queue.rows).toEqual([
        { samples: FOLD_BATCH_MAX, n: FOLD_BATCH_MAX },
        { samples: 5_000, n: 5_000 },
      ]);
      const queued = await getPool().query<{ v: string }>(
        `SELECT concat_ws('|', s.g, s.ms, s.v) AS v FROM "TelemetryFoldBatch" b, unnest(b."gpuIds", b."atMs", b."values") AS s(g, ms, v) ORDER BY 1`,
      );
      expect(queued.rows.map((r) => r.v)).toEqual(expected(cols).sort());
    } else {
      // The COPY path queues the batch aggregated by the web process: one row
      // for its 4 GPUs, whose minute and latest rows must equal what SQL makes
      // of the stored samples, bit for bit (sums: the same addition order
      // cannot be promised, so to 12 significant digits).
      const queue = await getPool().query(
        `SELECT "samples", cardinality("values") AS n FROM "TelemetryFoldBatch" ORDER BY "id"`,
      );
      expect(queue.rows).toEqual([{ samples: cols.gpuIds.length, n: 0 }]);
      type Aggregates = { k: string; min: number; max: number; sum: number; count: number };
      const minutes = await getPool().query<Aggregates & { width: number; hole: number }>(
        `SELECT concat_ws('|', "gpuId", extract(epoch FROM "bucket")) AS k, "min"[101] AS min, "max"[101] AS max, "sum"[101] AS sum, "count"[101] AS count,
                cardinality("min") AS width, array_position("count", NULL) AS hole
         FROM "TelemetryFoldMinute" ORDER BY 1`,
      );
      const raw = await getPool().query<Aggregates>(
        `SELECT concat_ws('|', "gpuId", extract(epoch FROM date_trunc('minute', "at", 'UTC'))) AS k, min(value) AS min, max(value) AS max, sum(value) AS sum, count(*)::int AS count
         FROM "GpuSample" WHERE "fieldId" = 101 GROUP BY 1 ORDER BY 1`,
      );
      expect(minutes.rows.map(({ k, min, max, count }) => ({ k, min, max, count }))).toEqual(
        raw.rows.map(({ k, min, max, count }) => ({ k, min, max, count })),
      );
      minutes.rows.forEach((r, i) =>
        expect(Math.abs(r.sum - raw.rows[i]!.sum)).toBeLessThanOrEqual(Math.abs(raw.rows[i]!.sum) * 1e-12),
      );
      // Positions 1..100 are holes (NULL), as the rollup arrays keep them.
      expect(new Set(minutes.rows.map((r) => `${r.width}:${r.hole}`))).toEqual(new Set(["101:1"]));
      const latest = await getPool().query(
        `SELECT "gpuId", "seenAt", "at"[101] AS at, "value"[101] AS value FROM "TelemetryFoldLatest" ORDER BY 1`,
      );
      const newest = await getPool().query(
        `SELECT DISTINCT ON ("gpuId") "gpuId", "at" AS "seenAt", "at", "value" FROM "GpuSample" WHERE "fieldId" = 101 ORDER BY "gpuId", "at" DESC`,
      );
      expect(latest.rows).toEqual(newest.rows);
    }
    expect(await foldTelemetry()).toMatchObject({
      folded: cols.gpuIds.length,
      batches: getConfig().RACKMIND_DB_KIND === "pglite" ? 2 : 1,
    });
    const queuedRowsLeft = await getPool().query(
      `SELECT (SELECT count(*) FROM "TelemetryFoldMinute")::int + (SELECT count(*) FROM "TelemetryFoldLatest")::int AS n`,
    );
    expect(queuedRowsLeft.rows[0].n).toBe(0);
    const rolled = await getPool().query<{ n: number; min: number; max: number }>(
      `SELECT sum("count")::int AS n, min("min") AS min, max("max") AS max FROM "GpuRollup1m" WHERE "fieldId" = 101`,
    );
    expect(rolled.rows[0]).toEqual({ n: cols.gpuIds.length, min: Number("-123456789.123456789"), max: 1e300 });
  });

  it("stores nothing and queues nothing twice when a batch is posted again, also when it overlaps only in part", async () => {
    const first = batch(3_000, 102);
    await storeSamples(getPool(), first);
    const overlapping = batch(6_000, 102); // its first 3,000 samples are the batch above
    expect(await storeSamples(getPool(), overlapping)).toMatchObject({ stored: 3_000, queuedForFold: 3_000 });
    expect(await storeSamples(getPool(), overlapping)).toMatchObject({ stored: 0, queuedForFold: 0 });
    expect(await pendingSampleCount(getPool())).toBe(6_000);
    expect(await storedRows(102)).toEqual(expected(overlapping));
  });

  it("folds a small batch in the statement that stores it", async () => {
    const small = batch(40, 103);
    const res = await storeSamples(getPool(), small, { foldInline: true });
    expect(res).toMatchObject({ stored: 40, queuedForFold: 0 });
    expect(new Set(res.foldedGpuIds)).toEqual(new Set(gpuIds));
    expect(await storeSamples(getPool(), small, { foldInline: true })).toMatchObject({ stored: 0, foldedGpuIds: [] });
    const n = await getPool().query<{ n: number }>(
      `SELECT sum("count")::int AS n FROM "GpuRollup1h" WHERE "fieldId" = 103`,
    );
    expect(n.rows[0]!.n).toBe(40);
  });

  it("folds a batch that is one scrape per GPU, queued without minute rows, into exact minute rollups", async () => {
    // Every field id from 1 to 20 (a value array with no holes) for two GPUs, a
    // few far-off fields (a long run of holes) for the other two: both ways the
    // fold rebuilds a single scrape's minute row from its latest values. Ids
    // 1..20 registered (one taken already stays as it is), and the id sequence
    // moved past them so later registrations do not collide.
    await getPool().query(
      `INSERT INTO "TelemetryField" (id, name) SELECT g, 'TEST_DENSE_' || g FROM generate_series(1, 20) g ON CONFLICT DO NOTHING`,
    );
    await getPool().query(
      `SELECT setval(pg_get_serial_sequence('"TelemetryField"', 'id'), (SELECT max(id) FROM "TelemetryField"))`,
    );
    const dense = Array.from({ length: 20 }, (_, i) => i + 1);
    const at = Date.UTC(2026, 11, 1, 0, 0, 30);
    const cols: SampleColumns = { gpuIds: [], fieldIds: [], atMs: [], values: [] };
    for (const [g, gpu] of gpuIds.entries())
      for (const field of g < 2 ? dense : [104, 106]) {
        cols.gpuIds.push(gpu);
        cols.fieldIds.push(field);
        cols.atMs.push(at + (field === 106 ? 5 : 0)); // fields of one scrape need not share a millisecond
        cols.values.push(g * 1000 + field + 0.25);
      }
    const expected = dense.length * 2 + 2 * 2;
    expect(await storeSamples(getPool(), cols)).toMatchObject({ stored: expected, queuedForFold: expected });
    if (getConfig().RACKMIND_DB_KIND !== "pglite") {
      // Queued by COPY, pre-aggregated: each GPU's latest row carries its minute.
      const queued = await getPool().query<{ minutes: number; single: number }>(
        `WITH b AS (SELECT max("id") AS id FROM "TelemetryFoldBatch")
         SELECT (SELECT count(*) FROM "TelemetryFoldMinute", b WHERE "batchId" = b.id)::int AS minutes,
                (SELECT count(*) FROM "TelemetryFoldLatest", b WHERE "batchId" = b.id AND "singleScrape")::int AS single`,
      );
      expect(queued.rows[0]).toEqual({ minutes: 0, single: 4 });
    }
    await foldTelemetry();
    const window = [new Date(at - 60_000), new Date(at + 60_000)];
    const rolled = await getPool().query(
      `SELECT "gpuId", "fieldId", "bucket", "min", "max", "sum", "count" FROM "GpuRollup1m"
       WHERE "gpuId" = ANY($1::uuid[]) AND "bucket" > $2 AND "bucket" < $3 ORDER BY 1, 2, 3`,
      [gpuIds, ...window],
    );
    const raw = await getPool().query(
      `SELECT "gpuId", "fieldId", date_trunc('minute', "at", 'UTC') AS "bucket", min("value") AS "min", max("value") AS "max",
              sum("value") AS "sum", count(*)::int AS "count"
       FROM "GpuSample" WHERE "gpuId" = ANY($1::uuid[]) AND "at" > $2 AND "at" < $3 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [gpuIds, ...window],
    );
    expect(raw.rows).toHaveLength(expected);
    expect(rolled.rows).toEqual(raw.rows);
  });

  it("keeps latest values and minute rollups equal to the stored samples whatever order and mix of fields batches come in", async () => {
    // 14 batches of random fields (so rows have holes where others do not),
    // scrape-like (one time per GPU) or not, big (queued) and small (inline),
    // in shuffled order, one posted twice: both the whole-row replacement of
    // latest values and the elementwise merge get exercised.
    let seed = 20261207;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const FIELDS = [104, 105, 106];
    // Later than every sample the tests above stored for these GPUs.
    const base = Date.UTC(2026, 10, 30, 0, 0, 0);
    const batches: SampleColumns[] = [];
    for (let k = 0; k < 14; k++) {
      // The newest batch, folded last, lacks a field the others have: its
      // row must not replace the stored one whole.
      const fields = k === 13 ? [104, 106] : FIELDS.filter(() => random() < 0.7);
      if (fields.length === 0) fields.push(FIELDS[k % 3]!);
      const big = k % 2 === 0;
      const cols: SampleColumns = { gpuIds: [], fieldIds: [], atMs: [], values: [] };
      const repeats = big ? 700 : 3;
      for (let r = 0; r < repeats; r++)
        for (const gpu of gpuIds)
          for (const [j, field] of fields.entries()) {
            cols.gpuIds.push(gpu);
            cols.fieldIds.push(field);
            // Scrape-like batches stamp a GPU's fields alike; the others do not.
            cols.atMs.push(base + k * 1_000_000 + r * 1_000 + (k % 3 === 0 ? j * 7 : 0));
            cols.values.push(Math.round(random() * 1e6) / 100);
          }
      batches.push(cols);
    }
    const order = batches
      .slice(0, 13)
      .map((b, i) => ({ b, key: random(), i }))
      .sort((x, y) => x.key - y.key);
    for (const { b, i } of [...order, order[3]!, { b: batches[13]!, i: 13 }]) {
      await storeSamples(getPool(), b, { foldInline: i % 2 === 1 });
      if (random() < 0.5) await foldTelemetry();
    }
    await foldTelemetry();
    expect(await pendingSampleCount(getPool())).toBe(0);

    const latest = await getPool().query(
      `SELECT "gpuId", "fieldId", "at", "value" FROM "GpuLatest" WHERE "fieldId" = ANY($1::int[]) ORDER BY 1, 2`,
      [FIELDS],
    );
    const newest = await getPool().query(
      `SELECT DISTINCT ON ("gpuId", "fieldId") "gpuId", "fieldId", "at", "value" FROM "GpuSample"
       WHERE "fieldId" = ANY($1::int[]) ORDER BY 1, 2, "at" DESC`,
      [FIELDS],
    );
    expect(latest.rows).toEqual(newest.rows);
    expect(latest.rows.length).toBe(gpuIds.length * FIELDS.length);

    const rolled = await getPool().query(
      `SELECT "gpuId", "fieldId", "bucket", "min", "max", "count", round("sum"::numeric, 6) AS sum FROM "GpuRollup1m"
       WHERE "fieldId" = ANY($1::int[]) ORDER BY 1, 2, 3`,
      [FIELDS],
    );
    const raw = await getPool().query(
      `SELECT "gpuId", "fieldId", date_trunc('minute', "at", 'UTC') AS "bucket", min("value") AS "min", max("value") AS "max",
              count(*)::int AS "count", round(sum("value")::numeric, 6) AS sum
       FROM "GpuSample" WHERE "fieldId" = ANY($1::int[]) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [FIELDS],
    );
    expect(rolled.rows).toEqual(raw.rows);
  });
});
