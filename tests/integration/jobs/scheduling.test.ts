import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemPrincipal, type Principal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { allocateGpus } from "../../../lib/jobs/placement/allocations";
import { cancelJob } from "../../../lib/jobs/cancel";
import { putQuota } from "../../../lib/jobs/placement/quotas";
import { getJob } from "../../../lib/jobs/queries";
import { placeQueuedJobs } from "../../../lib/jobs/placement/scheduler";
import { CreateJobInput } from "../../../lib/jobs/schemas";
import { submitJob } from "../../../lib/jobs/submit";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { buildFleet, recordingDispatcher } from "../../support/job-fleet";

const alice: Principal = { kind: "user", id: "00000000-0000-4000-8000-00000000a11c", name: "alice", role: "operator" };
let fleet: Map<string, string[]>;

beforeAll(async () => {
  // Two racks of "Test" GPUs: r1 has node-a (4) and node-b (2); r2 has node-c (4,
  // A100) and node-d (2, in maintenance). Nothing else exists in this database.
  fleet = await buildFleet("lab", [
    {
      name: "r1",
      servers: [
        { hostname: "node-a", gpus: 4 },
        { hostname: "node-b", gpus: 2 },
      ],
    },
    {
      name: "r2",
      powerCapKw: 100,
      servers: [
        { hostname: "node-c", gpus: 4, model: "NVIDIA A100-SXM4-40GB", memoryMiB: 40960 },
        { hostname: "node-d", gpus: 2, status: "maintenance" },
      ],
    },
  ]);
});

// Every test starts from an idle fleet: earlier jobs cancelled, their GPUs freed.
beforeEach(async () => {
  for (const j of await db.job.findMany({ where: { status: { in: ["queued", "placed", "running"] } } }))
    await cancelJob(j.id, systemPrincipal);
  await db.teamQuota.deleteMany();
});

type Extra = Record<string, unknown>;
const submit = async (gpus: number, extra: Extra = {}) =>
  (await submitJob(CreateJobInput.parse({ type: "train", template: "xor-adam", gpus, team: "ml", ...extra }), alice))
    .id;

const held = async (jobId: string) => (await getJob(jobId)).placement.gpus;
const h100s = () => [...fleet.get("node-a")!, ...fleet.get("node-b")!];

describe("placement", () => {
  it("places a job on healthy GPUs of one server, records the allocation, and dispatches it", async () => {
    const dispatcher = recordingDispatcher();
    const id = await submit(4, { gpuModel: "H100" });
    expect(await placeQueuedJobs(dispatcher)).toMatchObject({ placed: 1, waiting: 0 });
    const job = await getJob(id);
    expect(job.status).toBe("placed");
    expect(job.placement.gpus.sort()).toEqual([...fleet.get("node-a")!].sort());
    expect(job.placement.hosts).toEqual(["node-a"]);
    expect(dispatcher.sent).toEqual([id]);
    const open = await db.gpuAllocation.count({ where: { jobId: id, endedAt: null } });
    expect(open).toBe(4);
  });

  it("never uses a GPU that telemetry marked failed (XID 48 through the ingest path), nor a server in maintenance", async () => {
    const [bad] = fleet.get("node-b")!;
    const now = Date.now();
    const res = await ingestDcgm(
      `DCGM_FI_DEV_XID_ERRORS{gpu="0",UUID="${bad}",Hostname="node-b"} 48 ${now}`,
      new Date(now),
    );
    expect(res.accepted).toBe(1);
    expect((await db.gpu.findUniqueOrThrow({ where: { uuid: bad } })).health).toBe("failed");

    // Five H100s are healthy on active servers (node-a 4 + node-b 1): six wait, five fit.
    const six = await submit(6, { gpuModel: "H100" });
    await placeQueuedJobs(recordingDispatcher());
    expect((await getJob(six)).waitingReason).toBe(
      "waiting: 6 H100 GPUs requested, only 5 healthy GPUs on active servers match",
    );
    await cancelJob(six, systemPrincipal);

    const five = await submit(5, { gpuModel: "H100" });
    await placeQueuedJobs(recordingDispatcher());
    const gpus = await held(five);
    expect(gpus).toHaveLength(5);
    expect(gpus).not.toContain(bad);
    for (const g of fleet.get("node-d")!) expect(gpus).not.toContain(g);
    await db.gpu.update({ where: { uuid: bad }, data: { health: "healthy", healthReason: null } });
  });

  it("waits with a reason when too few GPUs are free, and places once they are", async () => {
    const first = await submit(4, { gpuModel: "H100" });
    const second = await submit(4, { gpuModel: "H100" });
    await placeQueuedJobs(recordingDispatcher());
    expect((await getJob(first)).status).toBe("placed");
    const waiting = await getJob(second);
    expect(waiting.status).toBe("queued");
    expect(waiting.waitingReason).toBe("waiting: 4 H100 GPUs requested, 2 healthy free");

    const cancelled = await cancelJob(first, alice);
    expect(cancelled.status).toBe("cancelled");
    expect(await db.gpuAllocation.count({ where: { jobId: first, endedAt: null } })).toBe(0);
    await placeQueuedJobs(recordingDispatcher());
    expect(await getJob(second)).toMatchObject({ status: "placed", waitingReason: null });
    expect(
      await db.auditEvent.count({ where: { action: "job.cancel", target: `job:${first}`, actor: "user:alice" } }),
    ).toBe(1);
  });

  it("honours priority over age, and FIFO within a priority", async () => {
    const older = await submit(4, { gpuModel: "H100" });
    const newerHigh = await submit(4, { gpuModel: "H100", priority: "high" });
    const low = await submit(2, { gpuModel: "H100", priority: "low" });
    const normal2 = await submit(2, { gpuModel: "H100" });
    await placeQueuedJobs(recordingDispatcher());
    // high takes node-a; the older normal job waits for 4, and holds back node-b so
    // the later (normal, then low) jobs cannot overtake it.
    expect((await getJob(newerHigh)).status).toBe("placed");
    expect((await getJob(older)).waitingReason).toBe("waiting: 4 H100 GPUs requested, 2 healthy free");
    expect((await getJob(normal2)).waitingReason).toBe(
      "waiting: 2 H100 GPUs requested, 2 healthy free (2 held for earlier jobs)",
    );
    expect((await getJob(low)).status).toBe("queued");

    await cancelJob(newerHigh, systemPrincipal);
    await placeQueuedJobs(recordingDispatcher());
    expect((await getJob(older)).status).toBe("placed");
    expect((await getJob(normal2)).status).toBe("placed");
    expect((await getJob(low)).status).toBe("queued");
  });

  it("keeps a team within its GPU quota, without holding back other teams", async () => {
    await putQuota("ml", { maxGpus: 4 }, alice);
    const a = await submit(2, { gpuModel: "H100" });
    const b = await submit(4, { gpuModel: "H100" });
    const other = await submit(2, { gpuModel: "H100", team: "vision" });
    await placeQueuedJobs(recordingDispatcher());
    expect((await getJob(a)).status).toBe("placed");
    expect((await getJob(b)).waitingReason).toBe("waiting: team ml quota is 4 GPUs, 2 in use, 4 requested");
    expect((await getJob(other)).status).toBe("placed");
    expect(await db.auditEvent.count({ where: { action: "job.quota_set", target: "team:ml" } })).toBeGreaterThan(0);
  });

  it("respects a rack's power cap, budgeting held GPUs at their TDP", async () => {
    // r2's cap is lowered to 1 kW: two A100s (400 W each) fit, a third does not.
    await db.rack.updateMany({ where: { name: "r2" }, data: { powerCapKw: 1 } });
    const three = await submit(3, { gpuModel: "A100" });
    await placeQueuedJobs(recordingDispatcher());
    expect((await getJob(three)).waitingReason).toBe(
      "waiting: 3 A100 GPUs requested, 4 healthy free, but rack power caps leave room for 2",
    );
    await cancelJob(three, systemPrincipal);
    const two = await submit(2, { gpuModel: "A100", minMemoryMiB: 40000 });
    await placeQueuedJobs(recordingDispatcher());
    expect(await held(two)).toHaveLength(2);
    await db.rack.updateMany({ where: { name: "r2" }, data: { powerCapKw: 100 } });
  });

  it("never double-books a GPU when several workers place concurrently, and refuses allocations that clash", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await submit(1 + (i % 3), { gpuModel: "H100" }));
    const passes = await Promise.all(Array.from({ length: 6 }, () => placeQueuedJobs(recordingDispatcher())));
    expect(passes.reduce((n, p) => n + p.placed, 0)).toBeGreaterThan(0);
    await placeQueuedJobs(recordingDispatcher());
    const open = await db.gpuAllocation.findMany({ where: { endedAt: null } });
    const perGpu = new Map<string, number>();
    for (const a of open) perGpu.set(a.gpuId, (perGpu.get(a.gpuId) ?? 0) + 1);
    expect([...perGpu.values()].every((n) => n === 1)).toBe(true);
    expect(open.length).toBeLessThanOrEqual(h100s().length);
    const placed = await db.job.findMany({ where: { id: { in: ids }, status: "placed" } });
    expect(placed.reduce((n, j) => n + j.gpus, 0)).toBe(open.length);
    // A manual allocation of a held GPU (energy accounting's API) is refused too.
    const heldGpu = await db.gpu.findUniqueOrThrow({ where: { id: open[0]!.gpuId } });
    await expect(
      allocateGpus({ jobId: "manual", gpus: [heldGpu.uuid], startedAt: new Date() }, systemPrincipal),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("cancels a job only once: a finished job is a conflict", async () => {
    const id = await submit(1);
    await cancelJob(id, alice);
    await expect(cancelJob(id, alice)).rejects.toMatchObject({ code: "conflict" });
  });
});
