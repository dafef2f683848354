import { describe, expect, it } from "vitest";
import { gpuTdpWatts } from "../../../../lib/energy/gpu-tdp";
import {
  planPlacements,
  type PlanGpu,
  type PlanInput,
  type PlanJob,
} from "../../../../lib/jobs/placement/placement-plan";
import { expectStateSays } from "../../../support/states-catalogue";

/** `servers`: hostname → GPU count; GPUs are ids `<host>/<i>`, healthy and free unless said otherwise. */
function fleet(
  servers: Record<string, number>,
  rackOf: (host: string) => string = () => "r1",
  over: Partial<PlanGpu> = {},
): PlanGpu[] {
  return Object.entries(servers).flatMap(([host, n]) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${host}/${i}`,
      uuid: `GPU-${host}-${i}`,
      model: "NVIDIA H100 80GB HBM3",
      memoryMiB: 81559,
      serverId: host,
      hostname: host,
      index: i,
      rackId: rackOf(host),
      isUsable: true,
      isStale: false,
      isHeld: false,
      powerW: null,
      ...over,
    })),
  );
}
const job = (id: string, gpus: number, extra: Partial<PlanJob> = {}): PlanJob => ({
  id,
  team: "ml",
  gpus,
  gpuModel: null,
  minMemoryMiB: null,
  ...extra,
});
/** Every waiting reason also says the same thing from the catalogue (in English, and in Chinese with its values). */
function plan(jobs: PlanJob[], gpus: PlanGpu[], extra: Partial<PlanInput> = {}) {
  const decisions = planPlacements({
    jobs,
    gpus,
    rackCapsW: new Map(),
    quotas: new Map(),
    teamUsage: new Map(),
    staleGpus: { isPlaceable: false, afterMinutes: 5 },
    ...extra,
  });
  for (const d of decisions) if (d.kind === "wait") expectStateSays(d.coded, d.reason);
  return decisions;
}

describe("planPlacements", () => {
  it("puts a job on the smallest server that fits it whole", () => {
    const [d] = plan([job("a", 2)], fleet({ big: 8, small: 2, mid: 4 }));
    expect(d).toEqual({ jobId: "a", kind: "place", gpuIds: ["small/0", "small/1"] });
  });

  it("spreads over the fullest servers when no server fits", () => {
    const [d] = plan([job("a", 6)], fleet({ x: 4, y: 3, z: 1 }));
    expect(d).toMatchObject({ kind: "place", gpuIds: ["x/0", "x/1", "x/2", "x/3", "y/0", "y/1"] });
  });

  it("skips unusable and held GPUs, and says how many are free", () => {
    const gpus = fleet({ x: 4 });
    gpus[0]!.isUsable = false;
    gpus[1]!.isHeld = true;
    expect(plan([job("a", 3)], gpus)).toMatchObject([
      { jobId: "a", kind: "wait", reason: "waiting: 3 GPUs requested, 2 healthy free" },
    ]);
  });

  it("passes over healthy GPUs whose telemetry went silent, as over degraded ones, and says so", () => {
    const gpus = fleet({ x: 4 });
    gpus[0]!.isStale = true;
    gpus[1]!.isStale = true;
    expect(plan([job("a", 3)], gpus)).toMatchObject([
      {
        jobId: "a",
        kind: "wait",
        reason:
          "waiting: 3 GPUs requested, only 2 healthy GPUs on active servers match (2 more are healthy but sent no telemetry for 5 min; stale GPUs are not placed unless the telemetry setting placeOnStaleGpus is on)",
      },
    ]);
    expect(plan([job("a", 2)], gpus)[0]).toMatchObject({ kind: "place", gpuIds: ["x/2", "x/3"] });
    expect(plan([job("a", 3)], gpus, { staleGpus: { isPlaceable: true, afterMinutes: 5 } })[0]).toMatchObject({
      kind: "place",
      gpuIds: ["x/0", "x/1", "x/2"],
    });
  });

  it("matches the GPU model case-insensitively and the memory minimum", () => {
    const gpus = [...fleet({ h: 2 }), ...fleet({ l: 2 }, () => "r1", { model: "NVIDIA L40S", memoryMiB: 46068 })];
    expect(plan([job("a", 2, { gpuModel: "l40s" })], gpus)[0]).toMatchObject({ gpuIds: ["l/0", "l/1"] });
    expect(plan([job("a", 3, { minMemoryMiB: 80000 })], gpus)[0]).toMatchObject({
      jobId: "a",
      kind: "wait",
      reason: "waiting: 3 ≥ 80000 MiB GPUs requested, only 2 healthy GPUs on active servers match",
    });
  });

  it("holds GPUs back for an earlier job that waits, but not for one over quota or one that can never fit", () => {
    const gpus = fleet({ x: 4 });
    gpus[0]!.isHeld = true;
    const decisions = plan(
      [job("never", 9), job("quota", 1, { team: "capped" }), job("big", 4), job("small", 1)],
      gpus,
      { quotas: new Map([["capped", 0]]) },
    );
    expect(decisions.map((d) => [d.jobId, d.kind])).toEqual([
      ["never", "wait"],
      ["quota", "wait"],
      ["big", "wait"],
      ["small", "wait"],
    ]);
    expect(decisions[3]).toMatchObject({
      reason: "waiting: 1 GPU requested, 3 healthy free (3 held for earlier jobs)",
    });
    // Without the big job, the small one takes a free GPU.
    expect(plan([job("small", 1)], gpus)[0]).toMatchObject({ kind: "place" });
  });

  it("counts a team's GPUs across the jobs it places in one pass", () => {
    const decisions = plan([job("a", 2), job("b", 2), job("c", 1)], fleet({ x: 8 }), {
      quotas: new Map([["ml", 4]]),
      teamUsage: new Map([["ml", 1]]),
    });
    expect(decisions.map((d) => d.kind)).toEqual(["place", "wait", "place"]);
    expect(decisions[1]).toMatchObject({ reason: "waiting: team ml quota is 4 GPUs, 3 in use, 2 requested" });
  });

  it("keeps racks under their power cap: held GPUs at TDP, free ones at their recent draw", () => {
    const gpus = fleet({ a: 4, b: 4 }, (h) => (h === "a" ? "ra" : "rb"));
    gpus[0]!.isHeld = true; // ra: 700 W held
    for (const g of gpus.filter((g) => g.rackId === "rb")) g.powerW = 100; // rb: 400 W of idle draw
    const caps = new Map([
      ["ra", 2000],
      ["rb", 2000],
    ]);
    // ra has room for 1 more H100 (700 + 700 = 1400; a third would be 2100); rb for 2 (400 + 2 × 600 = 1600).
    const [d] = plan([job("a", 3)], gpus, { rackCapsW: caps });
    expect(d).toMatchObject({ jobId: "a", kind: "place", gpuIds: ["a/1", "b/0", "b/1"] });
    expect(plan([job("a", 4)], gpus, { rackCapsW: caps })[0]).toMatchObject({
      kind: "wait",
      reason: "waiting: 4 GPUs requested, 7 healthy free, but rack power caps leave room for 3",
    });
  });

  it("places jobs that ask for no GPUs at once", () => {
    expect(plan([job("eval", 0)], [])).toEqual([{ jobId: "eval", kind: "place", gpuIds: [] }]);
  });
});

describe("gpuTdpWatts", () => {
  it("knows the fleet's models and falls back to 300 W", () => {
    expect(gpuTdpWatts("NVIDIA H100 80GB HBM3")).toBe(700);
    expect(gpuTdpWatts("NVIDIA A100-SXM4-40GB")).toBe(400);
    expect(gpuTdpWatts("NVIDIA L40S")).toBe(350);
    expect(gpuTdpWatts("Some Future GPU")).toBe(300);
  });

  it("words a waiting request with a model, a memory minimum and one stale GPU the same in the catalogue", () => {
    const gpus = [...fleet({ h: 1 }), ...fleet({ s: 1 }, () => "r1", { isStale: true })];
    const [d] = plan([job("a", 3, { gpuModel: "h100", minMemoryMiB: 40960 })], gpus);
    expect(d).toMatchObject({
      reason:
        "waiting: 3 h100 ≥ 40960 MiB GPUs requested, only 1 healthy GPU on active servers match (1 more is healthy but sent no telemetry for 5 min; stale GPUs are not placed unless the telemetry setting placeOnStaleGpus is on)",
      coded: { code: "waiting.tooFewStale" },
    });
    const [one] = plan([job("b", 1, { gpuModel: "h100" })], fleet({ x: 0 }));
    expect(one).toMatchObject({ reason: "waiting: 1 h100 GPU requested, only 0 healthy GPUs on active servers match" });
  });
});
