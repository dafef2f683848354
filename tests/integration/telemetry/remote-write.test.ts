import { beforeAll, describe, expect, it } from "vitest";
import * as remoteWrite from "../../../app/api/v1/telemetry/remote-write/route";
import * as series from "../../../app/api/v1/gpus/[uuid]/series/route";
import * as telemetrySettings from "../../../app/api/v1/telemetry/settings/route";
import { getPool } from "../../../lib/database/pool";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";
import { dcgmLabels, encodeWriteRequest, encodeWriteRequestProto, STALE_NAN } from "../../support/remote-write";

let op: string;
let viewer: string;
let h100: { uuid: string; hostname: string; index: number };
let other: { uuid: string; hostname: string; index: number };
const ghost = { uuid: "GPU-ffffffff-0000-0000-0000-00000000abcd", hostname: "ghost-node", index: 0 };

beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
  await seedDemoFleet();
  const [a, b] = await db.gpu.findMany({
    where: { server: { hostname: "ams1-r01-n01" }, index: { in: [0, 1] } },
    include: { server: true },
    orderBy: { index: "asc" },
  });
  h100 = { uuid: a!.uuid, hostname: a!.server.hostname, index: a!.index };
  other = { uuid: b!.uuid, hostname: b!.server.hostname, index: b!.index };
});

const PROTOBUF = "application/x-protobuf";
const post = (body: Uint8Array, headers: Record<string, string> = {}, token = op) =>
  call(remoteWrite.POST, {
    token,
    path: "/api/v1/telemetry/remote-write",
    body: body as unknown as BodyInit,
    headers: {
      "content-type": PROTOBUF,
      "content-encoding": "snappy",
      "x-prometheus-remote-write-version": "0.1.0",
      ...headers,
    },
  });

const sampleRows = async () =>
  (await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "GpuSample"`)).rows[0]!.n;

const seriesOf = async (uuid: string, metric: string) =>
  call(series.GET, {
    token: viewer,
    params: { uuid },
    path: `/api/v1/gpus/${uuid}/series?metric=${metric}&step=1`,
  });

// Whole seconds a few minutes ago: inside the default 1-hour range of the series API and the retention window.
const t0 = Math.floor((Date.now() - 10 * 60_000) / 1000) * 1000;

describe("POST /api/v1/telemetry/remote-write", () => {
  it("stores the DCGM series of known GPUs (204) and leaves the rest out; the GPU's series shows them", async () => {
    const before = await sampleRows();
    const res = await post(
      encodeWriteRequest([
        {
          labels: dcgmLabels("DCGM_FI_DEV_GPU_TEMP", h100),
          samples: [
            [41, t0],
            [43, t0 + 15_000],
          ],
        },
        { labels: dcgmLabels("DCGM_FI_DEV_POWER_USAGE", h100), samples: [[312.5, t0]] },
        // Matched by Hostname + gpu, as dcgm-exporter labels a GPU without a UUID label.
        {
          labels: { __name__: "DCGM_FI_DEV_GPU_TEMP", Hostname: other.hostname, gpu: String(other.index) },
          samples: [[38, t0]],
        },
        { labels: dcgmLabels("DCGM_FI_DEV_GPU_TEMP", ghost), samples: [[50, t0]] },
        { labels: { __name__: "node_load1", instance: "ams1-r01-n01:9100" }, samples: [[0.7, t0]] },
        { labels: { __name__: "up", job: "dcgm-exporter" }, samples: [[1, t0]] },
      ]),
    );
    expect(res.status).toBe(204);
    expect(res.body).toBe("");
    expect((await sampleRows()) - before).toBe(4);
    const temp = await seriesOf(h100.uuid, "DCGM_FI_DEV_GPU_TEMP");
    expect(temp.status).toBe(200);
    expect(temp.body.source).toBe("raw");
    expect(temp.body.points).toEqual([
      [new Date(t0).toISOString(), 41],
      [new Date(t0 + 15_000).toISOString(), 43],
    ]);
    expect((await seriesOf(other.uuid, "DCGM_FI_DEV_GPU_TEMP")).body.points).toEqual([
      [new Date(t0).toISOString(), 38],
    ]);
    expect(await db.gpu.count({ where: { uuid: ghost.uuid } })).toBe(0);
  });

  it("registers a reporting GPU of a known server when autoRegisterGpus is on, as the dcgm push does", async () => {
    const fresh = { uuid: "GPU-0a0a0a0a-0000-4000-8000-00000000f00d", hostname: h100.hostname, index: 15 };
    const setAutoRegister = async (on: boolean) =>
      expect((await call(telemetrySettings.PUT, { token: op, json: { autoRegisterGpus: on } })).status).toBe(200);
    await setAutoRegister(true);
    try {
      const res = await post(
        encodeWriteRequest([
          { labels: dcgmLabels("DCGM_FI_DEV_FB_FREE", fresh), samples: [[1_000, t0]] },
          { labels: dcgmLabels("DCGM_FI_DEV_FB_USED", fresh), samples: [[80_000, t0]] },
        ]),
      );
      expect(res.status).toBe(204);
      const gpu = await db.gpu.findUniqueOrThrow({ where: { uuid: fresh.uuid }, include: { server: true } });
      expect(gpu).toMatchObject({ index: 15, memoryMiB: 81_000, server: { hostname: fresh.hostname } });
      expect((await seriesOf(fresh.uuid, "DCGM_FI_DEV_FB_USED")).body.points).toEqual([
        [new Date(t0).toISOString(), 80_000],
      ]);
    } finally {
      await setAutoRegister(false);
    }
  });

  it("stores nothing twice: the same request again, and a duplicate series from a second Prometheus", async () => {
    const labels = dcgmLabels("DCGM_FI_DEV_GPU_UTIL", h100);
    const body = encodeWriteRequest([
      { labels, samples: [[55, t0 + 1_000]] },
      { labels: { ...labels, prometheus: "replica-b" }, samples: [[55, t0 + 1_000]] },
    ]);
    const before = await sampleRows();
    expect((await post(body)).status).toBe(204);
    expect(await sampleRows()).toBe(before + 1);
    expect((await post(body)).status).toBe(204);
    expect(await sampleRows()).toBe(before + 1);
  });

  it("skips staleness markers, non-finite values and samples outside the retention window, storing the rest", async () => {
    const before = await sampleRows();
    const res = await post(
      encodeWriteRequest([
        {
          labels: dcgmLabels("DCGM_FI_DEV_FB_USED", h100),
          samples: [
            [40_000, t0 + 2_000],
            [STALE_NAN, t0 + 3_000],
            [Infinity, t0 + 4_000],
            [1, Date.UTC(1999, 0, 1)],
            [2, Date.now() + 86_400_000],
          ],
        },
      ]),
    );
    expect(res.status).toBe(204);
    expect(await sampleRows()).toBe(before + 1);
  });

  it("refuses malformed and truncated bodies with 400 in the error shape, storing nothing", async () => {
    const good = encodeWriteRequest([
      { labels: dcgmLabels("DCGM_FI_DEV_SM_CLOCK", h100), samples: [[1980, t0 + 5_000]] },
      { labels: dcgmLabels("DCGM_FI_DEV_MEM_CLOCK", h100), samples: [[2619, t0 + 5_000]] },
    ]);
    const before = await sampleRows();
    const bodies = {
      truncated: good.subarray(0, good.length - 3),
      "cut in half": good.subarray(0, good.length >> 1),
      "not compressed": encodeWriteRequestProto([
        { labels: dcgmLabels("DCGM_FI_DEV_SM_CLOCK", h100), samples: [[1980, t0 + 5_000]] },
      ]),
      "text, not protobuf": new TextEncoder().encode(`DCGM_FI_DEV_SM_CLOCK{UUID="${h100.uuid}"} 1980\n`),
      empty: new Uint8Array(0),
    };
    for (const [what, body] of Object.entries(bodies)) {
      const res = await post(body);
      expect(res.status, what).toBe(400);
      expect(res.body.error, what).toMatchObject({ code: "bad_request", message: expect.any(String) });
    }
    expect(await sampleRows()).toBe(before);
    // And the whole body is what was refused: the same request intact is stored.
    expect((await post(good)).status).toBe(204);
    expect(await sampleRows()).toBe(before + 2);
  });

  it("answers 413 for a body that decompresses past the limit, before decompressing it", async () => {
    const res = await post(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x01, 0x00]));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
  });

  it("answers 415 for another media type, another coding, or remote-write 2.0", async () => {
    const body = encodeWriteRequest([{ labels: dcgmLabels("DCGM_FI_DEV_GPU_TEMP", h100), samples: [[41, t0]] }]);
    for (const headers of <Record<string, string>[]>[
      { "content-type": "application/json" },
      { "content-type": "text/plain" },
      { "content-encoding": "gzip" },
      { "content-encoding": "" },
      { "content-type": "application/x-protobuf;proto=io.prometheus.write.v2.Request" },
    ]) {
      const res = await post(body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(415);
      expect(res.body.error.code).toBe("unsupported_media_type");
    }
    expect((await post(body, { "content-type": "application/x-protobuf;proto=prometheus.WriteRequest" })).status).toBe(
      204,
    );
  });

  it("needs the operator role, as the dcgm push does", async () => {
    const body = encodeWriteRequest([{ labels: dcgmLabels("DCGM_FI_DEV_GPU_TEMP", h100), samples: [[41, t0]] }]);
    expect((await post(body, {}, viewer)).status).toBe(403);
    const anonymous = await call(remoteWrite.POST, {
      path: "/api/v1/telemetry/remote-write",
      body: body as unknown as BodyInit,
      headers: { "content-type": PROTOBUF, "content-encoding": "snappy" },
    });
    expect(anonymous.status).toBe(401);
  });
});
