/**
 * The scheduler's decisions as a pure function of the fleet and the queue, so
 * the rules can be read (and tested) without a database:
 *
 * - Only healthy GPUs of active servers that no other job holds are used, and
 *   only those matching the job's GPU model and memory minimum. A GPU whose
 *   telemetry went silent (stale, or never reported) is passed over like a
 *   degraded one — its health is only what it last was — unless the
 *   installation allows it (a fleet without telemetry).
 * - Jobs are considered by priority (high first), FIFO within a priority. A job
 *   that cannot be placed holds back every GPU it could use for later jobs, so
 *   a stream of small jobs cannot starve a large or important one. Jobs that can
 *   never fit (too few such GPUs exist) or are over their team's quota hold
 *   nothing back: waiting for them would block the queue for no gain.
 * - A rack's power cap is respected: a GPU a job holds is budgeted at its TDP,
 *   a free GPU at its recent power reading (0 without one); placing a GPU adds
 *   the difference.
 * - GPUs of one job go on as few servers as possible: the smallest server that
 *   fits the whole job, else the servers with the most free GPUs first.
 */
import { gpuTdpWatts } from "../../energy/gpu-tdp";
import { coded, type CodedText } from "../../i18n/coded-text";

export type PlanGpu = {
  id: string;
  uuid: string;
  model: string;
  memoryMiB: number;
  serverId: string;
  hostname: string;
  index: number;
  rackId: string;
  /** Healthy, on an active server. */
  isUsable: boolean;
  /** No telemetry sample within the stale threshold, or none ever. */
  isStale: boolean;
  /** An open allocation exists (some job holds it). */
  isHeld: boolean;
  /** Recent power draw, W; null without a fresh reading. */
  powerW: number | null;
};

export type PlanJob = { id: string; team: string; gpus: number; gpuModel: string | null; minMemoryMiB: number | null };

export type PlanInput = {
  /** Queued jobs in scheduling order: priority high → low, then oldest first. */
  jobs: PlanJob[];
  gpus: PlanGpu[];
  /** Rack id → power cap in W; racks without a cap are absent. */
  rackCapsW: Map<string, number>;
  /** Team → max GPUs held at once; teams without a quota are absent. */
  quotas: Map<string, number>;
  /** Team → GPUs its placed and running jobs hold now. */
  teamUsage: Map<string, number>;
  /** Whether stale GPUs may be placed (telemetry setting placeOnStaleGpus), and the threshold, for the waiting reason. */
  staleGpus: { isPlaceable: boolean; afterMinutes: number };
};

export type Decision =
  | { jobId: string; kind: "place"; gpuIds: string[] }
  | { jobId: string; kind: "wait"; reason: string; coded: CodedText };

function matches(job: PlanJob, g: PlanGpu): boolean {
  if (job.gpuModel && !g.model.toLowerCase().includes(job.gpuModel.toLowerCase())) return false;
  return job.minMemoryMiB === null || g.memoryMiB >= job.minMemoryMiB;
}

function describeRequest(job: PlanJob): string {
  const what = [job.gpuModel, job.minMemoryMiB ? `≥ ${job.minMemoryMiB} MiB` : null].filter(Boolean).join(" ");
  return `${job.gpus} ${what ? `${what} ` : ""}GPU${job.gpus === 1 ? "" : "s"} requested`;
}

/** Candidates in preference order: best-fitting single server first, then fullest servers. */
function preferenceOrder(candidates: PlanGpu[], n: number): PlanGpu[] {
  const byServer = new Map<string, PlanGpu[]>();
  for (const g of candidates) byServer.set(g.serverId, [...(byServer.get(g.serverId) ?? []), g]);
  const servers = [...byServer.values()].map((gs) => gs.sort((a, b) => a.index - b.index));
  const key = (gs: PlanGpu[]) => (gs.length >= n ? gs.length : 1e9 - gs.length);
  servers.sort((a, b) => key(a) - key(b) || a[0]!.hostname.localeCompare(b[0]!.hostname));
  return servers.flat();
}

type State = { rackLoadW: Map<string, number>; rackCapsW: Map<string, number>; teamUsage: Map<string, number> };

/** Extra watts on the GPU's rack if a job takes it: TDP replaces its recent draw. */
const addedWatts = (g: PlanGpu) => gpuTdpWatts(g.model) - (g.powerW ?? 0);

function pick(candidates: PlanGpu[], n: number, state: State): PlanGpu[] {
  const load = new Map(state.rackLoadW);
  const chosen: PlanGpu[] = [];
  for (const g of preferenceOrder(candidates, n)) {
    if (chosen.length === n) break;
    const cap = state.rackCapsW.get(g.rackId);
    const next = (load.get(g.rackId) ?? 0) + addedWatts(g);
    if (cap !== undefined && next > cap) continue;
    load.set(g.rackId, next);
    chosen.push(g);
  }
  return chosen;
}

function initialRackLoad(gpus: PlanGpu[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const g of gpus)
    load.set(g.rackId, (load.get(g.rackId) ?? 0) + (g.isHeld ? gpuTdpWatts(g.model) : (g.powerW ?? 0)));
  return load;
}

/** One decision per queued job, in the order given. */
export function planPlacements(input: PlanInput): Decision[] {
  const state: State = {
    rackLoadW: initialRackLoad(input.gpus),
    rackCapsW: input.rackCapsW,
    teamUsage: new Map(input.teamUsage),
  };
  const taken = new Set(input.gpus.filter((g) => g.isHeld).map((g) => g.id));
  const heldBack = new Set<string>();
  const decisions: Decision[] = [];
  for (const job of input.jobs) {
    if (job.gpus === 0) {
      decisions.push({ jobId: job.id, kind: "place", gpuIds: [] });
      continue;
    }
    const matching = input.gpus.filter((g) => g.isUsable && matches(job, g));
    const eligible = input.staleGpus.isPlaceable ? matching : matching.filter((g) => !g.isStale);
    if (eligible.length < job.gpus) {
      decisions.push({
        jobId: job.id,
        kind: "wait",
        ...tooFewReason(job, eligible.length, matching.length - eligible.length, input.staleGpus.afterMinutes),
      });
      continue;
    }
    const quota = input.quotas.get(job.team);
    const used = state.teamUsage.get(job.team) ?? 0;
    if (quota !== undefined && used + job.gpus > quota) {
      decisions.push({
        jobId: job.id,
        kind: "wait",
        reason: `waiting: team ${job.team} quota is ${quota} GPUs, ${used} in use, ${job.gpus} requested`,
        coded: coded("waiting.quota", { team: job.team, quota, used, gpus: job.gpus }),
      });
      continue;
    }
    const free = eligible.filter((g) => !taken.has(g.id));
    const candidates = free.filter((g) => !heldBack.has(g.id));
    const chosen = candidates.length >= job.gpus ? pick(candidates, job.gpus, state) : [];
    if (chosen.length === job.gpus) {
      for (const g of chosen) {
        taken.add(g.id);
        state.rackLoadW.set(g.rackId, (state.rackLoadW.get(g.rackId) ?? 0) + addedWatts(g));
      }
      state.teamUsage.set(job.team, used + job.gpus);
      decisions.push({ jobId: job.id, kind: "place", gpuIds: chosen.map((g) => g.id) });
      continue;
    }
    decisions.push({
      jobId: job.id,
      kind: "wait",
      ...waitingReason(job, free.length, candidates.length, chosen.length),
    });
    for (const g of eligible) heldBack.add(g.id);
  }
  return decisions;
}

type Why = { reason: string; coded: CodedText };

/** The request's values for the catalogue's waiting messages (states.waiting.*). */
const requestParams = (job: PlanJob) => ({
  gpus: job.gpus,
  model: job.gpuModel ?? "any",
  minMemoryMiB: job.minMemoryMiB ? String(job.minMemoryMiB) : "none",
});

function tooFewReason(job: PlanJob, eligible: number, stale: number, staleAfterMinutes: number): Why {
  const base = `waiting: ${describeRequest(job)}, only ${eligible} healthy GPU${eligible === 1 ? "" : "s"} on active servers match`;
  if (stale === 0) return { reason: base, coded: coded("waiting.tooFew", { ...requestParams(job), eligible }) };
  const are = stale === 1 ? "is" : "are";
  return {
    reason: `${base} (${stale} more ${are} healthy but sent no telemetry for ${staleAfterMinutes} min; stale GPUs are not placed unless the telemetry setting placeOnStaleGpus is on)`,
    coded: coded("waiting.tooFewStale", { ...requestParams(job), eligible, stale, staleAfterMinutes }),
  };
}

function waitingReason(job: PlanJob, free: number, candidates: number, fitting: number): Why {
  const base = `waiting: ${describeRequest(job)}, ${free} healthy free`;
  const params = { ...requestParams(job), free };
  if (candidates >= job.gpus)
    return {
      reason: `${base}, but rack power caps leave room for ${fitting}`,
      coded: coded("waiting.powerCaps", { ...params, fitting }),
    };
  if (candidates < free)
    return {
      reason: `${base} (${free - candidates} held for earlier jobs)`,
      coded: coded("waiting.held", { ...params, held: free - candidates }),
    };
  return { reason: base, coded: coded("waiting.free", params) };
}
