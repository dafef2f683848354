import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as gpus from "../../../app/api/v1/gpus/route";
import * as gpuByUuid from "../../../app/api/v1/gpus/[uuid]/route";
import * as metrics from "../../../app/api/metrics/route";
import { systemPrincipal, type Principal } from "../../../lib/auth/principal";
import { getFleetSummary, gpuHeadline } from "../../../lib/inventory/fleet-summary";
import { getJob } from "../../../lib/jobs/queries";
import { placeQueuedJobs } from "../../../lib/jobs/placement/scheduler";
import { CreateJobInput } from "../../../lib/jobs/schemas";
import { submitJob } from "../../../lib/jobs/submit";
import { cancelJob } from "../../../lib/jobs/cancel";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { updateTelemetrySettings } from "../../../lib/telemetry/settings";
import { buildFleet, recordingDispatcher } from "../../support/job-fleet";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

// One server, four GPUs: #0 reports now, #1 last reported 20 minutes ago, #2
// and #3 never reported. The stale threshold is the default 5 minutes.
const alice: Principal = { kind: "user", id: "00000000-0000-4000-8000-00000000a11c", name: "alice", role: "operator" };
let viewer: string;
let uuids: string[];
const MIN = 60_000;

async function push(index: number, atMs: number, line = "DCGM_FI_DEV_GPU_TEMP", value = 45) {
  const res = await ingestDcgm(
    `${line}{gpu="${index}",UUID="${uuids[index]}",Hostname="node-f"} ${value} ${atMs}\n`,
    new Date(),
  );
  expect(res.accepted).toBe(1);
}

beforeAll(async () => {
  viewer = (await tokensByRole()).viewer;
  const fleet = await buildFleet("fresh", [{ name: "r1", servers: [{ hostname: "node-f", gpus: 4 }] }], {
    telemetry: "silent",
  });
  uuids = fleet.get("node-f")!;
  await push(0, Date.now());
  await push(1, Date.now() - 20 * MIN);
});

afterAll(async () => {
  await updateTelemetrySettings({ placeOnStaleGpus: false, staleAfterMinutes: 5 }, systemPrincipal);
});

type Listed = { uuid: string; health: string; stale: boolean; telemetry: string; lastSeenAt: string | null };

describe("GPUs whose telemetry went silent", () => {
  it("are stale in GET /api/v1/gpus beside their last known health, with when they last spoke", async () => {
    const res = await call(gpus.GET, { token: viewer, path: "/api/v1/gpus?hostname=node-f" });
    expect(res.status).toBe(200);
    const items = res.body.items as Listed[];
    expect(items.map((g) => [g.health, g.telemetry, g.stale])).toEqual([
      ["healthy", "reporting", false],
      ["healthy", "stale", true],
      ["healthy", "never", true],
      ["healthy", "never", true],
    ]);
    expect(Date.parse(items[1]!.lastSeenAt!)).toBeLessThan(Date.now() - 19 * MIN);
    expect(items[2]!.lastSeenAt).toBeNull();
    const one = await call(gpuByUuid.GET, { token: viewer, params: { uuid: uuids[1]! } });
    expect(one.body).toMatchObject({ stale: true, telemetry: "stale" });
  });

  it("can be listed on their own, or left out", async () => {
    const silent = await call(gpus.GET, { token: viewer, path: "/api/v1/gpus?hostname=node-f&stale=true" });
    expect((silent.body.items as Listed[]).map((g) => g.uuid)).toEqual(uuids.slice(1));
    const reporting = await call(gpus.GET, { token: viewer, path: "/api/v1/gpus?hostname=node-f&stale=false" });
    expect((reporting.body.items as Listed[]).map((g) => g.uuid)).toEqual([uuids[0]]);
    expect((await call(gpus.GET, { token: viewer, path: "/api/v1/gpus?stale=maybe" })).status).toBe(422);
  });

  it("are counted as no data in the fleet summary, not as healthy", async () => {
    const s = await getFleetSummary();
    expect(s.gpus).toEqual({ healthy: 4, degraded: 0, failed: 0 });
    expect(s.telemetry).toEqual({ reporting: 1, stale: 1, never: 2 });
    expect(s.silentByHealth).toEqual({ healthy: 3, degraded: 0, failed: 0 });
    expect(gpuHeadline(s)).toEqual({ healthy: 1, degraded: 0, failed: 0, noData: 3 });
  });

  it("are stale in /api/metrics, and their old readings are not exported as current", async () => {
    await push(1, Date.now() - 20 * MIN + 1000, "DCGM_FI_DEV_POWER_USAGE", 300);
    await push(0, Date.now(), "DCGM_FI_DEV_POWER_USAGE", 250);
    const text = (await call(metrics.GET, { token: viewer })).body as string;
    expect(text).toMatch(/^rackmind_gpus\{health="healthy"\} 4$/m);
    expect(text).toMatch(/^rackmind_gpus_stale\{health="healthy"\} 3$/m);
    expect(text).toMatch(/^rackmind_gpus_never_reported 2$/m);
    expect(text).toContain(`rackmind_gpu_power_watts{uuid="${uuids[0]}",hostname="node-f",gpu="0"} 250`);
    expect(text).not.toContain(`rackmind_gpu_power_watts{uuid="${uuids[1]}"`);
    expect(text).toMatch(
      new RegExp(
        `^rackmind_gpu_last_sample_timestamp_seconds\\{uuid="${uuids[1]}",hostname="node-f",gpu="1"\\} \\d+`,
        "m",
      ),
    );
    expect(text).not.toContain(`rackmind_gpu_last_sample_timestamp_seconds{uuid="${uuids[2]}"`);
  });

  it("follow the stale threshold setting", async () => {
    await updateTelemetrySettings({ staleAfterMinutes: 30 }, systemPrincipal);
    expect((await getFleetSummary()).telemetry).toEqual({ reporting: 2, stale: 0, never: 2 });
    await updateTelemetrySettings({ staleAfterMinutes: 5 }, systemPrincipal);
  });

  it("are not placed by the scheduler by default, and are when the setting allows it", async () => {
    const id = (
      await submitJob(CreateJobInput.parse({ type: "train", template: "xor-adam", gpus: 2, team: "ml" }), alice)
    ).id;
    await placeQueuedJobs(recordingDispatcher());
    const waiting = await getJob(id);
    expect(waiting.status).toBe("queued");
    expect(waiting.waitingReason).toBe(
      "waiting: 2 GPUs requested, only 1 healthy GPU on active servers match (3 more are healthy but sent no telemetry for 5 min; stale GPUs are not placed unless the telemetry setting placeOnStaleGpus is on)",
    );
    await updateTelemetrySettings({ placeOnStaleGpus: true }, systemPrincipal);
    await placeQueuedJobs(recordingDispatcher());
    expect((await getJob(id)).status).toBe("placed");
    await cancelJob(id, systemPrincipal);
    await updateTelemetrySettings({ placeOnStaleGpus: false }, systemPrincipal);
  });

  it("report again as soon as a sample arrives", async () => {
    await push(2, Date.now());
    const res = await call(gpuByUuid.GET, { token: viewer, params: { uuid: uuids[2]! } });
    expect(res.body).toMatchObject({ telemetry: "reporting", stale: false });
  });
});
