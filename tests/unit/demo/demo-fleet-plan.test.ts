import { describe, expect, it } from "vitest";
import { planDemoFleet, stableUuid } from "../../../lib/demo/demo-fleet-plan";

const fleet = planDemoFleet();

// Model name and memory as nvidia-smi reports them for the GPUs the demo uses.
const realGpus = new Set(["NVIDIA H100 80GB HBM3/81559", "NVIDIA L40S/46068", "NVIDIA A100-SXM4-40GB/40960"]);

const uuidFormat = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

function expectUnique(values: unknown[]) {
  expect(new Set(values).size).toBe(values.length);
}

describe("stableUuid", () => {
  it("gives the same uuid for the same key and different ones for different keys", () => {
    expect(stableUuid("server:ams1-r01-n01")).toBe(stableUuid("server:ams1-r01-n01"));
    expect(stableUuid("server:ams1-r01-n01")).not.toBe(stableUuid("server:ams1-r01-n02"));
  });

  it("has the RFC 4122 textual form, version 5 and the RFC variant", () => {
    for (let i = 0; i < 500; i++) {
      const uuid = stableUuid(`key-${i}`);
      expect(uuid).toMatch(uuidFormat);
      expect(uuid[14]).toBe("5");
    }
  });
});

describe("planDemoFleet", () => {
  it("plans the same fleet every time", () => {
    expect(planDemoFleet()).toEqual(fleet);
  });

  it("has 2 sites, 8 racks, 62 servers and 272 GPUs", () => {
    expect(fleet.sites).toHaveLength(2);
    expect(fleet.racks).toHaveLength(8);
    expect(fleet.servers).toHaveLength(62);
    expect(fleet.gpus).toHaveLength(272);
  });

  it("gives every row an id in uuid form, unique across the whole fleet", () => {
    const ids = [...fleet.sites, ...fleet.racks, ...fleet.servers, ...fleet.gpus].map((r) => r.id);
    for (const id of ids) expect(id).toMatch(uuidFormat);
    expectUnique(ids);
  });

  it("gives unique site names, rack names, hostnames, serials and GPU UUIDs", () => {
    expectUnique(fleet.sites.map((s) => s.name));
    expectUnique(fleet.racks.map((r) => r.name));
    expectUnique(fleet.servers.map((s) => s.hostname));
    expectUnique(fleet.servers.map((s) => s.serial));
    expectUnique(fleet.gpus.map((g) => g.uuid));
  });

  it("writes GPU UUIDs the way nvidia-smi does: GPU- and a uuid", () => {
    for (const gpu of fleet.gpus) expect(gpu.uuid).toMatch(new RegExp(`^GPU-${uuidFormat.source.slice(1)}`));
  });

  it("links every rack to a planned site, every server to a planned rack and every GPU to a planned server", () => {
    const siteIds = new Set(fleet.sites.map((s) => s.id));
    const rackIds = new Set(fleet.racks.map((r) => r.id));
    const serverIds = new Set(fleet.servers.map((s) => s.id));
    for (const rack of fleet.racks) expect(siteIds).toContain(rack.siteId);
    for (const server of fleet.servers) expect(rackIds).toContain(server.rackId);
    for (const gpu of fleet.gpus) expect(serverIds).toContain(gpu.serverId);
  });

  it("fits every server inside its rack, below the top U", () => {
    const racks = new Map(fleet.racks.map((r) => [r.id, r]));
    for (const server of fleet.servers) {
      const rack = racks.get(server.rackId)!;
      const heightU = server.heightU ?? 1;
      expect(server.positionU).toBeGreaterThanOrEqual(1);
      expect(server.positionU + heightU - 1).toBeLessThanOrEqual(rack.heightU ?? 42);
    }
  });

  it("never puts two servers of one rack in the same U", () => {
    for (const [rackId, servers] of groupBy(fleet.servers, (s) => s.rackId)) {
      const used = new Map<number, string>();
      for (const server of servers) {
        for (let u = server.positionU; u < server.positionU + (server.heightU ?? 1); u++) {
          expect(used.get(u), `${rackId} U${u}`).toBeUndefined();
          used.set(u, server.hostname);
        }
      }
    }
  });

  it("numbers each server's GPUs 0..n-1 with unique PCI bus ids", () => {
    for (const gpus of groupBy(fleet.gpus, (g) => g.serverId).values()) {
      expect(gpus.map((g) => g.index).sort((a, b) => a - b)).toEqual(gpus.map((_, i) => i));
      expectUnique(gpus.map((g) => g.pciBusId));
    }
  });

  it("uses only real GPU models with their real memory sizes", () => {
    for (const gpu of fleet.gpus) expect(realGpus).toContain(`${gpu.model}/${gpu.memoryMiB}`);
  });

  it("gives every server 2, 4 or 8 GPUs of one model", () => {
    for (const gpus of groupBy(fleet.gpus, (g) => g.serverId).values()) {
      expect([2, 4, 8]).toContain(gpus.length);
      expect(new Set(gpus.map((g) => g.model)).size).toBe(1);
    }
  });

  it("gives a health reason exactly when a GPU is not healthy", () => {
    const unhealthy = fleet.gpus.filter((g) => g.health !== "healthy");
    expect(unhealthy.length).toBeGreaterThan(0);
    for (const gpu of fleet.gpus) expect(gpu.healthReason == null).toBe(gpu.health === "healthy");
  });

  it("gives every site a valid time zone and an ISO currency code", () => {
    for (const site of fleet.sites) {
      expect(() => new Intl.DateTimeFormat("en", { timeZone: site.timezone })).not.toThrow();
      expect(site.currency).toMatch(/^[A-Z]{3}$/);
    }
  });
});
