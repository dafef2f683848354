import { beforeAll, describe, expect, it } from "vitest";
import * as dcgm from "../../../app/api/v1/telemetry/dcgm/route";
import * as gpuByUuid from "../../../app/api/v1/gpus/[uuid]/route";
import * as telemetrySettings from "../../../app/api/v1/telemetry/settings/route";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let op: string;
let viewer: string;
let h100: { uuid: string; hostname: string; index: number };
beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
  await seedDemoFleet();
  const g = await db.gpu.findFirstOrThrow({
    where: { server: { hostname: "ams1-r01-n01" }, index: 0 },
    include: { server: true },
  });
  h100 = { uuid: g.uuid, hostname: g.server.hostname, index: g.index };
});

const labels = (g: { uuid: string; hostname: string; index: number }, extra = "") =>
  `gpu="${g.index}",UUID="${g.uuid}",pci_bus_id="00000000:18:00.0",device="nvidia${g.index}",modelName="NVIDIA H100 80GB HBM3",Hostname="${g.hostname}",DCGM_FI_DRIVER_VERSION="535.183.01"${extra}`;

const push = (text: string, query = "") =>
  call(dcgm.POST, {
    token: op,
    path: `/api/v1/telemetry/dcgm${query}`,
    body: text,
    headers: { "content-type": "text/plain; version=0.0.4" },
  });

// Samples must fall within the raw retention window (7 days by default), so the
// stamped ones are from yesterday, not a fixed date that ages out.
const DAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe("POST /api/v1/telemetry/dcgm", () => {
  it("stores a page, counting malformed lines and unknown GPUs without failing the rest", async () => {
    const t = Date.parse(`${DAY}T10:00:30Z`);
    const page = [
      "# HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).",
      "# TYPE DCGM_FI_DEV_GPU_TEMP gauge",
      `DCGM_FI_DEV_GPU_TEMP{${labels(h100, ',container="",namespace="ml, team \\"a\\"",pod=""')}} 41 ${t}`,
      `DCGM_FI_DEV_POWER_USAGE{${labels(h100)}} 312.5 ${t}`,
      `DCGM_FI_DEV_GPU_UTIL{${labels(h100)} 97`,
      `DCGM_FI_DEV_GPU_TEMP{gpu="3",UUID="GPU-ffffffff-0000-0000-0000-000000000000",Hostname="ghost-node"} 50 ${t}`,
      `DCGM_FI_DEV_GPU_TEMP{gpu="1",UUID="",Hostname="ams1-r01-n01"} 44 ${t}`,
    ].join("\n");
    const res = await push(page);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, rejected: 1, unknownGpus: 1, stored: 3, duplicates: 0 });
    expect(res.body.rejections).toEqual([{ line: 5, reason: expect.any(String) }]);
  });

  it("stores each sample once when the same batch is posted twice", async () => {
    const page = `DCGM_FI_DEV_GPU_UTIL{${labels(h100)}} 55\nDCGM_FI_DEV_FB_USED{${labels(h100)}} 40000\n`;
    const first = await push(page, `?at=${DAY}T10:01:00Z`);
    const second = await push(page, `?at=${DAY}T10:01:00Z`);
    expect(first.body).toMatchObject({ accepted: 2, stored: 2, duplicates: 0 });
    expect(second.body).toMatchObject({ accepted: 2, stored: 0, duplicates: 2 });
    const rollup = await db.gpuRollup1m.findMany({ where: { bucket: new Date(`${DAY}T10:01:00Z`) } });
    expect(rollup.map((r) => r.count)).toEqual([1, 1]);
  });

  it("stores each value under its own field when metrics come interleaved, not grouped", async () => {
    const t = Date.parse(`${DAY}T10:01:30Z`);
    const page = [
      `DCGM_FI_DEV_GPU_TEMP{${labels(h100)}} 61 ${t}`,
      `DCGM_FI_DEV_POWER_USAGE{${labels(h100)}} 401 ${t}`,
      `DCGM_FI_DEV_GPU_TEMP{${labels(h100)}} 62 ${t + 1000}`,
      `DCGM_FI_DEV_SM_CLOCK{${labels(h100)}} 1980 ${t}`,
      `DCGM_FI_DEV_POWER_USAGE{${labels(h100)}} 402 ${t + 1000}`,
    ].join("\n");
    expect((await push(page)).body).toMatchObject({ accepted: 5, stored: 5 });
    const rows = await db.$queryRaw<{ name: string; at: Date; value: number }[]>`
      SELECT f.name, s.at, s.value FROM "GpuSample" s JOIN "TelemetryField" f ON f.id = s."fieldId" JOIN "Gpu" g ON g.id = s."gpuId"
      WHERE g.uuid = ${h100.uuid} AND s.at BETWEEN ${new Date(t)} AND ${new Date(t + 1000)} ORDER BY f.name, s.at`;
    expect(rows.map((r) => [r.name, r.at.getTime() - t, r.value])).toEqual([
      ["DCGM_FI_DEV_GPU_TEMP", 0, 61],
      ["DCGM_FI_DEV_GPU_TEMP", 1000, 62],
      ["DCGM_FI_DEV_POWER_USAGE", 0, 401],
      ["DCGM_FI_DEV_POWER_USAGE", 1000, 402],
      ["DCGM_FI_DEV_SM_CLOCK", 0, 1980],
    ]);
  });

  it("marks a GPU failed on XID 48 with the reason, audited, and keeps it failed when the XID clears", async () => {
    const res = await push(`DCGM_FI_DEV_XID_ERRORS{${labels(h100)}} 48\n`, `?at=${DAY}T10:02:00Z`);
    expect(res.body.accepted).toBe(1);
    const gpu = await call(gpuByUuid.GET, { token: viewer, params: { uuid: h100.uuid } });
    expect(gpu.body).toMatchObject({ health: "failed", healthReason: "XID 48: double-bit ECC error" });
    expect(await db.auditEvent.count({ where: { action: "gpu.health_change", target: `gpu:${h100.uuid}` } })).toBe(1);
    await push(`DCGM_FI_DEV_XID_ERRORS{${labels(h100)}} 0\n`, `?at=${DAY}T10:03:00Z`);
    expect((await call(gpuByUuid.GET, { token: viewer, params: { uuid: h100.uuid } })).body.health).toBe("failed");
  });

  it("degrades a hot GPU and heals it when it cools down", async () => {
    const g = await db.gpu.findFirstOrThrow({
      where: { server: { hostname: "ams1-r01-n03" }, index: 2 },
      include: { server: true },
    });
    const id = { uuid: g.uuid, hostname: g.server.hostname, index: g.index };
    await push(`DCGM_FI_DEV_GPU_TEMP{${labels(id)}} 93\n`, `?at=${DAY}T10:04:00Z`);
    expect(await db.gpu.findUniqueOrThrow({ where: { uuid: g.uuid } })).toMatchObject({
      health: "degraded",
      healthReason: "temperature 93 °C above threshold 87 °C",
    });
    await push(`DCGM_FI_DEV_GPU_TEMP{${labels(id)}} 60\n`, `?at=${DAY}T10:05:00Z`);
    expect(await db.gpu.findUniqueOrThrow({ where: { uuid: g.uuid } })).toMatchObject({
      health: "healthy",
      healthReason: null,
    });
  });

  it("refuses NaN, ±Inf and values rollup sums could overflow on, one line at a time", async () => {
    const lines = ["NaN", "+Inf", "-Inf", "1e301", "-2e300", "1e300"].map(
      (v, i) => `DCGM_FI_DEV_ENERGY_CONSUMPTION_TOTAL{${labels(h100)}} ${v} ${Date.parse(`${DAY}T10:06:00Z`) + i}`,
    );
    const res = await push(lines.join("\n"));
    expect(res.body).toMatchObject({ accepted: 1, rejected: 5, stored: 1 });
    expect(res.body.rejections.map((r: { line: number }) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(res.body.rejections[3].reason).toMatch(/not a finite number within ±1e300/);
  });

  it("refuses samples outside the retention window and wrong media types", async () => {
    const res = await push(`DCGM_FI_DEV_GPU_TEMP{${labels(h100)}} 40 ${Date.parse("2020-01-01T00:00:00Z")}\n`);
    expect(res.body).toMatchObject({ accepted: 0, rejected: 1 });
    const json = await call(dcgm.POST, { token: op, json: { text: "x" } });
    expect(json.status).toBe(415);
    expect(
      (await call(dcgm.POST, { token: viewer, body: "x", headers: { "content-type": "text/plain" } })).status,
    ).toBe(403);
  });

  it("registers an unknown GPU of a known server when auto-registration is on, and not before", async () => {
    const uuid = "GPU-abcdef01-2345-6789-abcd-ef0123456789";
    const l = `gpu="7",UUID="${uuid}",pci_bus_id="00000000:9A:00.0",modelName="NVIDIA L40S",Hostname="ams1-r03-n01"`;
    const page = `DCGM_FI_DEV_FB_FREE{${l}} 40000\nDCGM_FI_DEV_FB_USED{${l}} 5568\nDCGM_FI_DEV_FB_RESERVED{${l}} 500\nDCGM_FI_DEV_GPU_TEMP{${l}} 50\n`;
    expect((await push(page, `?at=${DAY}T10:06:00Z`)).body).toMatchObject({ accepted: 0, unknownGpus: 1 });
    const settings = await call(telemetrySettings.PUT, { method: "PUT", token: op, json: { autoRegisterGpus: true } });
    expect(settings.body.autoRegisterGpus).toBe(true);
    expect((await push(page, `?at=${DAY}T10:07:00Z`)).body).toMatchObject({ accepted: 4, unknownGpus: 0 });
    expect(await db.gpu.findUniqueOrThrow({ where: { uuid } })).toMatchObject({
      index: 7,
      model: "NVIDIA L40S",
      memoryMiB: 46068,
      pciBusId: "00000000:9A:00.0",
    });
    expect(await db.auditEvent.count({ where: { action: "gpu.auto_register" } })).toBe(1);
    const ghost = `DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="GPU-00000000-dead-beef-0000-000000000000",Hostname="not-in-inventory"} 50\n`;
    expect((await push(ghost, `?at=${DAY}T10:07:00Z`)).body).toMatchObject({ accepted: 0, unknownGpus: 1 });
  });
});
