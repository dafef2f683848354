import { beforeAll, describe, expect, it } from "vitest";
import * as servers from "../../../app/api/v1/servers/route";
import * as gpuByUuid from "../../../app/api/v1/gpus/[uuid]/route";
import { getTelemetrySettings } from "../../../lib/telemetry/settings";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let viewer: string;
beforeAll(async () => {
  viewer = (await tokensByRole()).viewer;
});

async function snapshot() {
  const [sites, racks, servers, gpus] = await Promise.all([
    db.site.findMany({ orderBy: { id: "asc" } }),
    db.rack.findMany({ orderBy: { id: "asc" } }),
    db.server.findMany({ orderBy: { id: "asc" } }),
    db.gpu.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { sites, racks, servers, gpus };
}

describe("demo fleet seed", () => {
  it("seeds 2 sites, 8 racks, 62 servers and 272 GPUs of real models, once", async () => {
    const first = await seedDemoFleet();
    expect(first).toEqual({ seeded: true, servers: 62, gpus: 272 });
    const before = await snapshot();
    expect(before.sites).toHaveLength(2);
    expect(before.racks).toHaveLength(8);
    expect(new Set(before.gpus.map((g) => g.model))).toEqual(
      new Set(["NVIDIA H100 80GB HBM3", "NVIDIA L40S", "NVIDIA A100-SXM4-40GB"]),
    );
    expect((await seedDemoFleet()).seeded).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "fleet.seed_demo" } })).toBe(1);
  });

  it("says its GPU states are the seed's word, not measured, and turns the demo telemetry feed on", async () => {
    const seeded = await db.gpu.findFirstOrThrow({ where: { server: { hostname: "ams1-r02-n04" }, index: 2 } });
    const g = (await call(gpuByUuid.GET, { token: viewer, params: { uuid: seeded.uuid } })).body;
    expect(g).toMatchObject({ health: "degraded", healthSource: "seed", telemetry: "never", stale: true });
    expect(g.healthCauses).toEqual([
      {
        code: "temperature",
        level: "degraded",
        source: "seed",
        text: "temperature 91 °C above threshold 87 °C",
        params: { tempC: 91, thresholdC: 87 },
      },
    ]);
    expect((await getTelemetrySettings()).demoTelemetry).toBe(true);
  });

  it("lists every server exactly once across cursor pages, with GPU counts", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof call>> = await call(servers.GET, {
        token: viewer,
        path: `/api/v1/servers?limit=25${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((s: { hostname: string }) => s.hostname));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(62);
    expect(new Set(seen).size).toBe(62);
    expect(seen).toEqual([...seen].sort());
    const one = await call(servers.GET, { token: viewer, path: "/api/v1/servers?q=ams1-r01-n01" });
    expect(one.body.items).toEqual([
      expect.objectContaining({
        hostname: "ams1-r01-n01",
        site: "ams1",
        rack: "ams1-r01",
        gpuCount: 8,
        status: "active",
      }),
    ]);
  });

  it("filters by status, site and rack", async () => {
    const maintenance = await call(servers.GET, { token: viewer, path: "/api/v1/servers?status=maintenance" });
    expect(maintenance.body.items.map((s: { hostname: string }) => s.hostname)).toEqual([
      "ams1-r03-n07",
      "pdx1-r01-n05",
    ]);
    const pdx = await call(servers.GET, { token: viewer, path: "/api/v1/servers?site=pdx1&limit=1000" });
    expect(pdx.body.items).toHaveLength(34);
    const rack = await call(servers.GET, { token: viewer, path: "/api/v1/servers?rack=ams1-r02" });
    expect(rack.body.items.every((s: { rack: string }) => s.rack === "ams1-r02")).toBe(true);
    expect(rack.body.items).toHaveLength(4);
  });
});
