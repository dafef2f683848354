import pg from "pg";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { randomUUID } from "node:crypto";
import { encodeFoldBatchRows, encodeSampleRows } from "../lib/telemetry/copy-binary";
const url = "postgresql://postgres@127.0.0.1:5432/postgres";
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const ticks = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const gpus = Array.from({ length: 8000 }, () => randomUUID());
const t0 = Date.parse("2026-11-28T10:00:00Z");
const batches = [] as { data: Buffer; queue: Buffer }[];
for (let s = 0; s < 3; s++) for (let h = 0; h < 8000; h += 512) {
  const cols = { gpuIds: [] as string[], fieldIds: [] as number[], atMs: [] as number[], values: [] as number[] };
  for (let f = 1; f <= 20; f++) for (let g = h; g < Math.min(8000, h + 512); g++) { cols.gpuIds.push(gpus[g]!); cols.fieldIds.push(f); cols.atMs.push(t0 + s * 30000); cols.values.push(Math.round(Math.random() * 1000) / 10); }
  batches.push({ data: encodeSampleRows(cols), queue: encodeFoldBatchRows([cols]) });
}
const setup = async () => {
  await admin.query(`DROP TABLE IF EXISTS zs; DROP TABLE IF EXISTS zqb; CREATE TABLE zs ("gpuId" uuid NOT NULL, "fieldId" int2 NOT NULL, "at" timestamptz(3) NOT NULL, "value" float8 NOT NULL, PRIMARY KEY ("gpuId","fieldId","at")) PARTITION BY RANGE ("at"); CREATE TABLE zs_1 PARTITION OF zs FOR VALUES FROM ('2026-11-28') TO ('2026-11-29');
  CREATE TABLE zqb ("id" BIGSERIAL PRIMARY KEY, "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "samples" INTEGER NOT NULL, "gpuIds" UUID[] NOT NULL, "fieldIds" SMALLINT[] NOT NULL, "atMs" BIGINT[] NOT NULL, "values" DOUBLE PRECISION[] NOT NULL);
  ALTER TABLE zqb ALTER COLUMN "gpuIds" SET COMPRESSION lz4, ALTER COLUMN "fieldIds" SET COMPRESSION lz4, ALTER COLUMN "atMs" SET COMPRESSION lz4, ALTER COLUMN "values" SET COMPRESSION lz4; CHECKPOINT`);
};
async function run(lanes: number, queue: boolean, tx: boolean) {
  await setup();
  const clients = await Promise.all(Array.from({ length: lanes }, async () => { const c = new pg.Client({ connectionString: url }); await c.connect(); const pid = (await c.query("select pg_backend_pid() p")).rows[0].p; return { c, pid }; }));
  const cpu0 = clients.map((x) => ticks(x.pid));
  let next = 0;
  const w0 = performance.now();
  await Promise.all(clients.map(async ({ c }) => {
    while (next < batches.length) {
      const b = batches[next++]!;
      if (tx) await c.query("BEGIN");
      await pipeline(Readable.from([b.data]), c.query(copyFrom(`COPY zs ("gpuId", "fieldId", "at", "value") FROM STDIN (FORMAT binary)`)));
      if (queue) await pipeline(Readable.from([b.queue]), c.query(copyFrom(`COPY zqb ("samples", "gpuIds", "fieldIds", "atMs", "values") FROM STDIN (FORMAT binary)`)));
      if (tx) await c.query("COMMIT");
    }
  }));
  const wall = performance.now() - w0;
  const cpu = clients.reduce((a, x, i) => a + ticks(x.pid) - cpu0[i]!, 0);
  for (const { c } of clients) await c.end();
  console.log(JSON.stringify({ lanes, queue, tx, wallMs: Math.round(wall), backendCpuMs: cpu }));
}
for (let r = 0; r < 2; r++) {
  await run(1, false, false);
  await run(1, true, true);
  await run(2, false, false);
  await run(2, true, true);
}
await admin.query(`DROP TABLE IF EXISTS zs; DROP TABLE IF EXISTS zqb;`);
await admin.end();
