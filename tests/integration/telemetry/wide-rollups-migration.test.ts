import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../../lib/database/migrations";
import { createEmptyDatabase, migrationsDir, testDatabaseKind, type TestDatabase } from "../../support/test-database";

// A database from before wide rollups, with narrow rollup and latest rows, is
// migrated: the same rows read back through the views of the old names, and
// every migrated hour is marked for the hour builder.
const WIDE = "20261207010000_wide_rollups";

const opened: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.drop()));
});

describe("wide rollups migration", () => {
  it("moves narrow rollup, latest and last-seen rows into wide rows that read back identically", async () => {
    const d = await createEmptyDatabase(testDatabaseKind());
    opened.push(d);
    const before = await mkdtemp(path.join(tmpdir(), "rackmind-before-wide-"));
    await cp(migrationsDir, before, { recursive: true });
    await rm(path.join(before, WIDE), { recursive: true });
    await applyMigrations(d.url, before);

    const c = new pg.Client({ connectionString: d.url });
    await c.connect();
    try {
      await c.query(`INSERT INTO "TelemetryField" (name) SELECT 'F' || g FROM generate_series(1, 5) g`);
      const gpu = "00000000-0000-4000-8000-000000000001";
      const other = "00000000-0000-4000-8000-000000000002";
      // Fields 1, 2 and 5 for one GPU (a gap at 3–4), field 4 only for the other.
      const narrow1m = [
        [gpu, 1, "2026-12-01T10:00:00Z", 1, 3, 4, 2],
        [gpu, 2, "2026-12-01T10:00:00Z", 10, 30, 40, 2],
        [gpu, 5, "2026-12-01T10:00:00Z", -1, 1, 0, 3],
        [gpu, 1, "2026-12-01T10:01:00Z", 2, 2, 2, 1],
        [other, 4, "2026-12-01T11:05:00Z", 7, 7, 7, 1],
      ];
      for (const r of narrow1m) await c.query(`INSERT INTO "GpuRollup1m" VALUES ($1, $2, $3, $4, $5, $6, $7)`, r);
      await c.query(`INSERT INTO "GpuRollup1h" VALUES ($1, 1, '2026-12-01T10:00:00Z', 1, 3, 6, 3)`, [gpu]);
      await c.query(
        `INSERT INTO "GpuLatest" VALUES ($1, 2, '2026-12-01T10:00:30Z', 30), ($1, 5, '2026-12-01T10:00:40Z', 1)`,
        [gpu],
      );
      await c.query(`INSERT INTO "GpuLastSeen" VALUES ($1, '2026-12-01T10:00:45Z')`, [gpu]);

      await applyMigrations(d.url, migrationsDir);

      const minutes = await c.query(
        `SELECT "gpuId", "fieldId", to_char("bucket" AT TIME ZONE 'UTC', 'HH24:MI') AS b, min, max, sum, count FROM "GpuRollup1m" ORDER BY 1, 3, 2`,
      );
      expect(minutes.rows.map((r) => [r.gpuId, r.fieldId, r.b, r.min, r.max, r.sum, r.count])).toEqual(
        narrow1m.map(([g, f, at, ...v]) => [g, f, (at as string).slice(11, 16), ...v]),
      );
      const wide = await c.query(`SELECT "count" FROM "GpuRollupMinute" WHERE "gpuId" = $1 ORDER BY "bucket"`, [gpu]);
      expect(wide.rows.map((r) => r.count)).toEqual([[2, 2, null, null, 3], [1]]);
      // The migrated hour row stands; the hours with only minute rows are marked,
      // and the view aggregates them from their minutes meanwhile.
      const hours = await c.query(
        `SELECT "gpuId", "fieldId", to_char("bucket" AT TIME ZONE 'UTC', 'HH24') AS h, min, max, sum, count FROM "GpuRollup1h" ORDER BY 1, 3, 2`,
      );
      expect(hours.rows.map((r) => [r.gpuId, r.fieldId, r.h, r.min, r.max, r.sum, r.count])).toEqual([
        [gpu, 1, "10", 1, 3, 6, 3],
        [other, 4, "11", 7, 7, 7, 1],
      ]);
      const pending = await c.query(
        `SELECT to_char("hour" AT TIME ZONE 'UTC', 'HH24') AS h FROM "GpuRollupHourPending"`,
      );
      expect(pending.rows.map((r) => r.h)).toEqual(["11"]);
      const latest = await c.query(`SELECT "fieldId", value FROM "GpuLatest" ORDER BY 1`);
      expect(latest.rows).toEqual([
        { fieldId: 2, value: 30 },
        { fieldId: 5, value: 1 },
      ]);
      const seen = await c.query(`SELECT "gpuId", "at" FROM "GpuLastSeen"`);
      expect(seen.rows).toEqual([{ gpuId: gpu, at: new Date("2026-12-01T10:00:45Z") }]);
    } finally {
      await c.end();
    }
  });
});
