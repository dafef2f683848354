import { beforeAll, describe, expect, it } from "vitest";
import * as sites from "../../../app/api/v1/sites/route";
import * as siteByName from "../../../app/api/v1/sites/[name]/route";
import * as racks from "../../../app/api/v1/racks/route";
import * as rackByRef from "../../../app/api/v1/racks/[...ref]/route";
import * as servers from "../../../app/api/v1/servers/route";
import * as serverByName from "../../../app/api/v1/servers/[hostname]/route";
import * as gpus from "../../../app/api/v1/gpus/route";
import * as gpuByUuid from "../../../app/api/v1/gpus/[uuid]/route";
import { db } from "../../../lib/db";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let op: string;
let viewer: string;
beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
  await call(sites.POST, { token: op, json: { name: "lab1", timezone: "Europe/Paris", currency: "EUR" } });
  await call(sites.POST, { token: op, json: { name: "lab2" } });
  await call(racks.POST, { token: op, json: { site: "lab1", name: "a01", heightU: 42, powerCapKw: 30 } });
  await call(racks.POST, { token: op, json: { site: "lab2", name: "a01", heightU: 42 } });
  await call(racks.POST, { token: op, json: { site: "lab1", name: "b01", heightU: 10 } });
});

const server = (hostname: string, rack: string, positionU: number, heightU = 2) =>
  call(servers.POST, { token: op, json: { hostname, rack, positionU, heightU, model: "Dell PowerEdge R760xa" } });

describe("sites and racks", () => {
  it("creates racks per site and refuses an ambiguous bare rack name", async () => {
    const listed = await call(racks.GET, { token: viewer, path: "/api/v1/racks?site=lab1" });
    expect(listed.body.items.map((r: { name: string }) => r.name)).toEqual(["a01", "b01"]);
    const ambiguous = await server("amb-1", "a01", 1);
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.body.error.message).toMatch(/lab1\/a01, lab2\/a01/);
    expect((await server("amb-1", "lab1/a01", 1)).status).toBe(201);
  });

  it("reads, updates and deletes a site, refusing to delete one with racks", async () => {
    // Only what was sent changes: the currency and time zone stay (they have defaults on create).
    expect(
      (
        await call(siteByName.PATCH, {
          method: "PATCH",
          token: op,
          params: { name: "lab1" },
          json: { tariffPerKwh: 0.3 },
        })
      ).body,
    ).toMatchObject({ tariffPerKwh: 0.3, currency: "EUR", timezone: "Europe/Paris" });
    expect((await call(siteByName.DELETE, { method: "DELETE", token: op, params: { name: "lab1" } })).status).toBe(409);
    await call(sites.POST, { token: op, json: { name: "empty-site" } });
    expect(
      (await call(siteByName.DELETE, { method: "DELETE", token: op, params: { name: "empty-site" } })).status,
    ).toBe(204);
    expect((await call(siteByName.GET, { token: viewer, params: { name: "empty-site" } })).status).toBe(404);
  });

  it("addresses a rack as site/rack in the URL, and will not shrink it below its servers", async () => {
    await server("shrink-1", "lab1/b01", 7, 2);
    const got = await call(rackByRef.GET, { token: viewer, params: { ref: ["lab1", "b01"] } });
    expect(got.body).toMatchObject({ site: "lab1", name: "b01", heightU: 10, serverCount: 1, usedU: 2 });
    const shrink = await call(rackByRef.PATCH, {
      method: "PATCH",
      token: op,
      params: { ref: ["lab1", "b01"] },
      json: { heightU: 6 },
    });
    expect(shrink.status).toBe(409);
    expect(shrink.body.error.message).toMatch(/up to U8/);
    expect(
      (await call(rackByRef.DELETE, { method: "DELETE", token: op, params: { ref: ["lab1", "b01"] } })).status,
    ).toBe(409);
  });
});

describe("server placement", () => {
  it("refuses a server that overlaps another (409) or leaves the rack (422), writing nothing", async () => {
    expect((await server("p-1", "lab1/a01", 10, 4)).status).toBe(201);
    const clash = await server("p-2", "lab1/a01", 12, 2);
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toBe("p-2: U12–U13 overlaps p-1 (U10–U13) in a01");
    const above = await server("p-3", "lab1/a01", 41, 4);
    expect(above.status).toBe(422);
    expect(above.body.error.message).toMatch(/does not fit in a01 \(42U\)/);
    expect(await db.server.count({ where: { hostname: { in: ["p-2", "p-3"] } } })).toBe(0);
    expect((await server("p-4", "lab1/a01", 14, 2)).status).toBe(201);
  });

  it("lets only one of two concurrent requests take the same free slot", async () => {
    const results = await Promise.all([server("race-1", "lab2/a01", 40, 2), server("race-2", "lab2/a01", 40, 2)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await db.server.count({ where: { hostname: { in: ["race-1", "race-2"] } } })).toBe(1);
  });

  it("answers 409 for a taken hostname and 404 for an unknown rack", async () => {
    await server("dup-host", "lab2/a01", 1);
    expect((await server("dup-host", "lab2/a01", 5)).status).toBe(409);
    expect((await server("nowhere", "lab9/z99", 1)).status).toBe(404);
  });

  it("re-checks placement on a move, and puts a server into maintenance with an audit record", async () => {
    await server("mv-1", "lab2/a01", 20, 2);
    await server("mv-2", "lab2/a01", 24, 2);
    const blocked = await call(serverByName.PATCH, {
      method: "PATCH",
      token: op,
      params: { hostname: "mv-1" },
      json: { positionU: 23 },
    });
    expect(blocked.status).toBe(409);
    const moved = await call(serverByName.PATCH, {
      method: "PATCH",
      token: op,
      params: { hostname: "mv-1" },
      json: { positionU: 30, status: "maintenance" },
    });
    expect(moved.body).toMatchObject({ hostname: "mv-1", positionU: 30, status: "maintenance" });
    const audit = await db.auditEvent.findFirst({
      where: { action: "server.update", target: "server:mv-1" },
      orderBy: { id: "desc" },
    });
    expect(audit?.details).toMatchObject({
      status: { from: "active", to: "maintenance" },
      positionU: { from: 20, to: 30 },
    });
    expect(
      (
        await call(serverByName.PATCH, {
          method: "PATCH",
          token: viewer,
          params: { hostname: "mv-1" },
          json: { status: "active" },
        })
      ).status,
    ).toBe(403);
  });

  it("lists with filters and deletes a server together with its GPUs", async () => {
    const found = await call(servers.GET, { token: viewer, path: "/api/v1/servers?rack=lab1/a01&status=active" });
    expect(found.body.items.map((s: { hostname: string }) => s.hostname)).toEqual(["amb-1", "p-1", "p-4"]);
    await call(gpus.POST, {
      token: op,
      json: {
        uuid: "GPU-aaaaaaaa-0000-0000-0000-000000000001",
        hostname: "p-4",
        index: 0,
        model: "NVIDIA L40S",
        memoryMiB: 46068,
      },
    });
    expect((await call(serverByName.DELETE, { method: "DELETE", token: op, params: { hostname: "p-4" } })).status).toBe(
      204,
    );
    expect(await db.gpu.count({ where: { uuid: "GPU-aaaaaaaa-0000-0000-0000-000000000001" } })).toBe(0);
    expect((await call(serverByName.GET, { token: viewer, params: { hostname: "p-4" } })).status).toBe(404);
  });
});

describe("GPUs", () => {
  const uuid = (n: number) => `GPU-bbbbbbbb-0000-0000-0000-${String(n).padStart(12, "0")}`;
  const gpu = (n: number, hostname: string, index: number) =>
    call(gpus.POST, {
      token: op,
      json: {
        uuid: uuid(n),
        hostname,
        index,
        model: "NVIDIA H100 80GB HBM3",
        memoryMiB: 81559,
        pciBusId: "00000000:18:00.0",
      },
    });

  it("registers GPUs and refuses a second GPU at the same index or a reused UUID (409)", async () => {
    await server("g-1", "lab2/a01", 36, 2);
    expect((await gpu(1, "g-1", 0)).status).toBe(201);
    expect((await gpu(2, "g-1", 1)).status).toBe(201);
    const sameIndex = await gpu(3, "g-1", 1);
    expect(sameIndex.status).toBe(409);
    expect((await gpu(1, "g-1", 5)).status).toBe(409);
    expect((await gpu(4, "no-such-host", 0)).status).toBe(404);
  });

  it("lists GPUs by server and health with telemetry fields, and marks one failed by hand with a reason", async () => {
    const failed = await call(gpuByUuid.PATCH, {
      method: "PATCH",
      token: op,
      params: { uuid: uuid(2) },
      json: { health: "failed", healthReason: "XID 79 seen by the operator" },
    });
    expect(failed.body).toMatchObject({
      health: "failed",
      healthReason: "XID 79 seen by the operator",
      healthChangedAt: expect.any(String),
    });
    const list = await call(gpus.GET, { token: viewer, path: "/api/v1/gpus?hostname=g-1" });
    expect(list.body.items.map((g: { index: number }) => g.index)).toEqual([0, 1]);
    expect(list.body.items[0]).toMatchObject({
      utilPct: null,
      memUsedMiB: null,
      tempC: null,
      powerW: null,
      xid: null,
      health: "healthy",
    });
    const bad = await call(gpus.GET, { token: viewer, path: "/api/v1/gpus?health=failed" });
    expect(bad.body.items.map((g: { uuid: string }) => g.uuid)).toEqual([uuid(2)]);
    expect((await call(gpuByUuid.DELETE, { method: "DELETE", token: op, params: { uuid: uuid(2) } })).status).toBe(204);
  });
});
