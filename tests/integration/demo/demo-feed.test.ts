import { beforeAll, describe, expect, it } from "vitest";
import { DemoTelemetryJob } from "../../../worker/jobs/demo-telemetry";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { getFleetSummary, gpuHeadline } from "../../../lib/inventory/fleet-summary";
import { getGpu } from "../../../lib/inventory/gpus";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { foldTelemetry } from "../../../lib/telemetry/store/fold";
import { updateTelemetrySettings } from "../../../lib/telemetry/settings";

beforeAll(async () => {
  await seedDemoFleet();
});

describe("the demo fleet's telemetry feed", () => {
  it("feeds every demo GPU through real ingest, so seeded states become telemetry's, with evidence", async () => {
    const result = (await DemoTelemetryJob.run()) as { fed: boolean; accepted: number; unknownGpus: number };
    expect(result.fed).toBe(true);
    expect(result.unknownGpus).toBe(0);
    expect(result.accepted).toBeGreaterThan(272 * 10);
    await foldTelemetry();
    const summary = await getFleetSummary();
    expect(summary.telemetry).toEqual({ reporting: 272, stale: 0, never: 0 });
    expect(gpuHeadline(summary)).toEqual({ healthy: 269, degraded: 1, failed: 2, noData: 0 });
    const failed = await db.gpu.findFirstOrThrow({ where: { server: { hostname: "ams1-r01-n02" }, index: 5 } });
    const g = await getGpu(failed.uuid);
    expect(g).toMatchObject({
      health: "failed",
      healthSource: "telemetry",
      healthReason: "XID 79: GPU has fallen off the bus",
    });
    expect(g.healthCauses[0]!.evidence).toMatchObject({ field: "DCGM_FI_DEV_XID_ERRORS", value: 79 });
  });

  it("stores a repeated feed of the same 15 s slot once", async () => {
    const before = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "GpuSample"`;
    const again = (await DemoTelemetryJob.run()) as { accepted: number };
    const after = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "GpuSample"`;
    // The slot may have moved on between the two runs; then exactly one new page was stored.
    expect([0, again.accepted]).toContain(Number(after[0]!.n - before[0]!.n));
  });

  it("feeds nothing once an operator turns it off", async () => {
    await updateTelemetrySettings({ demoTelemetry: false }, systemPrincipal);
    expect(await DemoTelemetryJob.run()).toEqual({ fed: false });
  });
});
