import { beforeAll, describe, expect, it } from "vitest";
import * as summary from "../../../app/api/v1/energy/summary/route";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { foldTelemetry } from "../../../lib/telemetry/store/fold";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

const HOUR = 3_600_000;
const now = Date.now();
// Two hours that start 17 minutes past an hour: the first and last hour buckets are only partly covered.
const start = Math.floor(now / HOUR) * HOUR - 4 * HOUR + 17 * 60_000;
const end = start + 2 * HOUR;
let viewer: string;

beforeAll(async () => {
  viewer = (await tokensByRole()).viewer;
  await seedDemoFleet();
  const gpus = await db.gpu.findMany({ where: { server: { hostname: "ams1-r03-n05" } }, orderBy: { index: "asc" } });
  const lines: string[] = [];
  for (let t = start; t < end; t += 10_000) {
    for (const g of gpus)
      lines.push(`DCGM_FI_DEV_POWER_USAGE{gpu="${g.index}",UUID="${g.uuid}",Hostname="ams1-r03-n05"} 300 ${t}`);
  }
  await ingestDcgm(lines.join("\n"), new Date(now));
  await foldTelemetry(); // what the worker does within a second of a big batch
});

const gpuKwh = async (days: number) => {
  const from = new Date(Math.floor(now / HOUR) * HOUR - days * 24 * HOUR).toISOString();
  const to = new Date(Math.floor(now / HOUR) * HOUR).toISOString();
  const res = await call(summary.GET, {
    token: viewer,
    path: `/api/v1/energy/summary?site=ams1&from=${from}&to=${to}`,
  });
  return res.body.gpuKwh as number;
};

describe("GPU energy from hourly means", () => {
  it("counts a partly covered hour for the part that was covered: 4 GPUs × 300 W × 2 h = 2.4 kWh over a day and over a week", async () => {
    expect(await gpuKwh(1)).toBeCloseTo(2.4, 1);
    expect(await gpuKwh(7)).toBeCloseTo(2.4, 1);
  });
});
