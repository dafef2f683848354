import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as metrics from "../../../app/api/metrics/route";
import { resetConfig } from "../../../lib/config";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let viewer: string;
beforeAll(async () => {
  viewer = (await tokensByRole()).viewer;
  await seedDemoFleet();
});
afterEach(() => {
  delete process.env.RACKMIND_METRICS_PUBLIC;
  resetConfig();
});

const GET = (req: Request) => metrics.GET(req);

describe("GET /api/metrics", () => {
  it("needs a token by default", async () => {
    expect((await call(GET)).status).toBe(401);
  });

  it("exposes fleet counts in Prometheus text format, prefixed rackmind_", async () => {
    const res = await call(GET, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body as string;
    expect(text).toMatch(/^# TYPE rackmind_servers gauge$/m);
    expect(text).toMatch(/^rackmind_servers\{status="active"\} 59$/m);
    expect(text).toMatch(/^rackmind_servers\{status="maintenance"\} 2$/m);
    expect(text).toMatch(/^rackmind_gpus\{health="failed"\} 2$/m);
    expect(text).toMatch(/^rackmind_gpus_by_model\{model="NVIDIA L40S"\} 128$/m);
    expect(text).toMatch(/^rackmind_sites 2$/m);
    expect(text).toMatch(/^# TYPE rackmind_telemetry_samples_total counter$/m);
    expect(text).toMatch(/^# TYPE rackmind_gpu_temperature_celsius gauge$/m);
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(/^rackmind_/);
  });

  it("exposes each GPU's newest temperature, power and utilisation once telemetry arrives", async () => {
    const gpu = await db.gpu.findFirstOrThrow({ where: { server: { hostname: "pdx1-r02-n01" }, index: 3 } });
    const labels = `gpu="3",UUID="${gpu.uuid}",Hostname="pdx1-r02-n01"`;
    await ingestDcgm(
      `DCGM_FI_DEV_GPU_TEMP{${labels}} 66\nDCGM_FI_DEV_POWER_USAGE{${labels}} 251.5\nDCGM_FI_DEV_GPU_UTIL{${labels}} 88\n`,
      new Date(),
    );
    const text = (await call(GET, { token: viewer })).body as string;
    const l = `uuid="${gpu.uuid}",hostname="pdx1-r02-n01",gpu="3"`;
    expect(text).toContain(`rackmind_gpu_temperature_celsius{${l}} 66`);
    expect(text).toContain(`rackmind_gpu_power_watts{${l}} 251.5`);
    expect(text).toContain(`rackmind_gpu_utilization_percent{${l}} 88`);
    expect(text).toMatch(/^rackmind_telemetry_samples_total\{outcome="stored"\} 3$/m);
    expect(text).toMatch(/^rackmind_telemetry_fold_backlog_samples 0$/m); // a small page is folded by its request
  });

  it("answers without a token when RACKMIND_METRICS_PUBLIC=1", async () => {
    process.env.RACKMIND_METRICS_PUBLIC = "1";
    resetConfig();
    expect((await call(GET)).status).toBe(200);
  });
});
