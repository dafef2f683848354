import { beforeAll, describe, expect, it } from "vitest";
import * as gpuByUuid from "../../../app/api/v1/gpus/[uuid]/route";
import * as acknowledge from "../../../app/api/v1/gpus/[uuid]/acknowledge/route";
import * as clear from "../../../app/api/v1/gpus/[uuid]/clear/route";
import { db } from "../../../lib/db";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { buildFleet } from "../../support/job-fleet";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let tokens: Awaited<ReturnType<typeof tokensByRole>>;
let uuids: string[];

beforeAll(async () => {
  tokens = await tokensByRole();
  uuids = (await buildFleet("faults", [{ name: "r1", servers: [{ hostname: "node-x", gpus: 3 }] }])).get("node-x")!;
});

/** A dcgm page for GPU `index` of node-x, each field at its own time (ms). */
async function report(index: number, fields: Record<string, [number, number]>) {
  const lines = Object.entries(fields).map(
    ([name, [value, atMs]]) => `${name}{gpu="${index}",UUID="${uuids[index]}",Hostname="node-x"} ${value} ${atMs}`,
  );
  await ingestDcgm(`${lines.join("\n")}\n`, new Date());
}
const gpu = async (index: number) =>
  (await call(gpuByUuid.GET, { token: tokens.viewer, params: { uuid: uuids[index]! } })).body;
const audit = (index: number, action: string) =>
  db.auditEvent.findMany({ where: { target: `gpu:${uuids[index]}`, action }, orderBy: { id: "asc" } });

describe("a GPU's health and where it came from", () => {
  it("keeps every cause, each with the sample that showed it", async () => {
    // buildFleet reported 40 °C moments ago; these samples are newer.
    const xidAt = Date.now() - 1;
    const tempAt = Date.now();
    await report(0, { DCGM_FI_DEV_XID_ERRORS: [48, xidAt], DCGM_FI_DEV_GPU_TEMP: [91, tempAt] });
    const g = await gpu(0);
    expect(g).toMatchObject({
      health: "failed",
      healthSource: "telemetry",
      healthReason: "XID 48: double-bit ECC error; temperature 91 °C above threshold 87 °C",
    });
    expect(g.healthCauses).toEqual([
      {
        code: "xid",
        level: "failed",
        source: "telemetry",
        text: "XID 48: double-bit ECC error",
        params: { xid: 48, meaning: "double_bit_ecc" },
        evidence: { field: "DCGM_FI_DEV_XID_ERRORS", value: 48, at: new Date(xidAt).toISOString() },
      },
      {
        code: "temperature",
        level: "degraded",
        source: "telemetry",
        text: "temperature 91 °C above threshold 87 °C",
        params: { tempC: 91, thresholdC: 87 },
        evidence: { field: "DCGM_FI_DEV_GPU_TEMP", value: 91, at: new Date(tempAt).toISOString() },
      },
    ]);
    expect((await audit(0, "gpu.health_change")).at(-1)!.details).toMatchObject({ from: "healthy", to: "failed" });
  });

  it("adds a cause that appears while the GPU stays failed, audited as a change of causes", async () => {
    await report(2, { DCGM_FI_DEV_XID_ERRORS: [79, Date.now()] });
    expect((await gpu(2)).healthReason).toBe("XID 79: GPU has fallen off the bus");
    await report(2, { DCGM_FI_DEV_GPU_TEMP: [95, Date.now()] });
    expect((await gpu(2)).healthReason).toBe(
      "XID 79: GPU has fallen off the bus; temperature 95 °C above threshold 87 °C",
    );
    expect(await audit(2, "gpu.health_causes_change")).toHaveLength(1);
  });
});

describe("acknowledging and returning to service", () => {
  it("refuses without a note, for a viewer, and on a healthy GPU", async () => {
    expect(
      (await call(acknowledge.POST, { token: tokens.operator, params: { uuid: uuids[0]! }, json: {} })).status,
    ).toBe(422);
    expect(
      (await call(acknowledge.POST, { token: tokens.operator, params: { uuid: uuids[0]! }, json: { note: " " } }))
        .status,
    ).toBe(422);
    expect(
      (await call(clear.POST, { token: tokens.viewer, params: { uuid: uuids[0]! }, json: { note: "fixed it" } }))
        .status,
    ).toBe(403);
    const healthy = await call(acknowledge.POST, {
      token: tokens.operator,
      params: { uuid: uuids[1]! },
      json: { note: "just looking" },
    });
    expect(healthy.status).toBe(409);
    expect(healthy.body.error.code).toBe("conflict");
    expect(
      (
        await call(clear.POST, {
          token: tokens.operator,
          params: { uuid: "GPU-00000000-0000-4000-8000-0000000000ff" },
          json: { note: "x y z" },
        })
      ).status,
    ).toBe(404);
  });

  it("acknowledges a failed GPU with a note: health stays, the note is shown and audited", async () => {
    const res = await call(acknowledge.POST, {
      token: tokens.operator,
      params: { uuid: uuids[0]! },
      json: { note: "RMA #4411 opened" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      health: "failed",
      healthAck: { kind: "acknowledged", by: "token:test-operator", note: "RMA #4411 opened" },
    });
    expect((await audit(0, "gpu.health_acknowledge"))[0]!.details).toMatchObject({
      health: "failed",
      note: "RMA #4411 opened",
    });
  });

  it("drops the acknowledgement when a new cause appears", async () => {
    await report(0, { DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS: [2, Date.now()] });
    const g = await gpu(0);
    expect(g.healthCauses.map((c: { code: string }) => c.code)).toContain("uncorrectable_remapped_rows");
    expect(g.healthAck).toBeNull();
  });

  it("returns a failed GPU to service: healthy by the operator, and the XID dcgm keeps reporting does not fail it again", async () => {
    await report(0, { DCGM_FI_DEV_GPU_TEMP: [60, Date.now()] });
    const res = await call(clear.POST, {
      token: tokens.operator,
      params: { uuid: uuids[0]! },
      json: { note: "reseated, burn-in passed" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      health: "healthy",
      healthSource: "operator",
      healthReason: null,
      healthCauses: [],
      healthAck: { kind: "cleared", note: "reseated, burn-in passed" },
    });
    const [row] = await audit(0, "gpu.health_clear");
    expect(row!.actor).toBe("token:test-operator");
    expect(row!.details).toMatchObject({
      from: "failed",
      to: "healthy",
      note: "reseated, burn-in passed",
      accepted: { xid: 48, uncorrectableRemappedRows: 2 },
    });

    // The exporter still reports XID 48 and 2 remapped rows on every scrape.
    await report(0, {
      DCGM_FI_DEV_XID_ERRORS: [48, Date.now()],
      DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS: [2, Date.now()],
    });
    expect((await gpu(0)).health).toBe("healthy");
    // A new XID fails it again, and the "returned to service" note goes with the old state.
    await report(0, { DCGM_FI_DEV_XID_ERRORS: [94, Date.now()] });
    const again = await gpu(0);
    expect(again).toMatchObject({ health: "failed", healthReason: "XID 94: contained ECC error", healthAck: null });
  });

  it("a GPU still too hot after clearing is degraded again by the next sample", async () => {
    await report(2, { DCGM_FI_DEV_GPU_TEMP: [95, Date.now()] });
    expect(
      (await call(clear.POST, { token: tokens.admin, params: { uuid: uuids[2]! }, json: { note: "fan replaced" } }))
        .status,
    ).toBe(200);
    expect((await gpu(2)).health).toBe("healthy");
    await report(2, { DCGM_FI_DEV_GPU_TEMP: [94, Date.now()] });
    expect(await gpu(2)).toMatchObject({ health: "degraded", healthReason: "temperature 94 °C above threshold 87 °C" });
  });
});
