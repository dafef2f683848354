// Ingest caches the UUID / hostname+index → GPU map per process and asks one
// revision counter per batch whether it is still current. The counter is moved
// by triggers, so every way the inventory can change must move it — and the
// fold's health updates, which happen all the time, must not.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../lib/db";
import { getPool } from "../../../lib/database/pool";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { gpuLookup } from "../../../lib/telemetry/store/gpu-directory";

const revision = async () => (await db.inventoryRevision.findUniqueOrThrow({ where: { id: 1 } })).revision;

let rackId: string;
beforeAll(async () => {
  await seedDemoFleet();
  rackId = (await db.rack.findFirstOrThrow()).id;
});

describe("the GPU directory under inventory changes", () => {
  it("sees a GPU the moment it is added, renamed, moved or removed, and ignores health changes", async () => {
    const pool = getPool();
    const server = await db.server.create({ data: { hostname: "dir-node-a", rackId, positionU: 40 } });
    const gpu = await db.gpu.create({
      data: { uuid: "GPU-dir-0001", serverId: server.id, index: 0, model: "NVIDIA H100 80GB HBM3", memoryMiB: 81559 },
    });
    expect((await gpuLookup(pool))("GPU-dir-0001", undefined, undefined)).toBe(gpu.id);
    expect((await gpuLookup(pool))(undefined, "dir-node-a", "0")).toBe(gpu.id);

    const before = await revision();
    await db.gpu.update({ where: { id: gpu.id }, data: { health: "failed", healthReason: "XID 79" } });
    await db.server.update({ where: { id: server.id }, data: { status: "maintenance" } });
    expect(await revision()).toBe(before);

    await db.server.update({ where: { id: server.id }, data: { hostname: "dir-node-b" } });
    let lookup = await gpuLookup(pool);
    expect(lookup(undefined, "dir-node-a", "0")).toBeUndefined();
    expect(lookup(undefined, "dir-node-b", "0")).toBe(gpu.id);

    await db.gpu.update({ where: { id: gpu.id }, data: { index: 3 } });
    lookup = await gpuLookup(pool);
    expect(lookup(undefined, "dir-node-b", "0")).toBeUndefined();
    expect(lookup(undefined, "dir-node-b", "3")).toBe(gpu.id);

    await db.gpu.update({ where: { id: gpu.id }, data: { uuid: "GPU-dir-0002" } });
    expect((await gpuLookup(pool))("GPU-dir-0001", undefined, undefined)).toBeUndefined();

    await db.server.delete({ where: { id: server.id } }); // its GPUs go with it (cascade)
    lookup = await gpuLookup(pool);
    expect(lookup("GPU-dir-0002", undefined, undefined)).toBeUndefined();
    expect(lookup(undefined, "dir-node-b", "3")).toBeUndefined();
    expect(await revision()).toBeGreaterThan(before + 3n);
  });

  it("keeps one revision row that nothing can duplicate", async () => {
    await expect(db.$executeRaw`INSERT INTO "InventoryRevision" ("id", "revision") VALUES (2, 0)`).rejects.toThrow();
  });
});
