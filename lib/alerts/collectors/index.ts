import { RuleParams, type RuleKind } from "../schemas";
import { failingDeployments, driftingFeatures, rolledBackCanaries, slowDeployments } from "./deployments";
import { racksNearCap, sitesOverPue } from "./energy";
import { gpusWithXid, hotGpus, silentServers, staleGpus } from "./gpus";
import { failedJobs } from "./jobs";
import type { CollectContext, Sample } from "./sample";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is checked against its kind's schema below
const collectors: Record<RuleKind, (params: any, ctx: CollectContext) => Promise<Sample[]>> = {
  gpu_temperature: hotGpus,
  gpu_xid: gpusWithXid,
  gpu_stale: staleGpus,
  server_silent: silentServers,
  rack_power: racksNearCap,
  site_pue: sitesOverPue,
  job_failed: failedJobs,
  canary_rolled_back: rolledBackCanaries,
  deployment_drift: driftingFeatures,
  deployment_latency: slowDeployments,
  deployment_errors: failingDeployments,
};

/** What a rule's check finds true now. Parameters are parsed again: a stored row may predate a schema change. */
export async function collect(kind: RuleKind, params: unknown, ctx: CollectContext): Promise<Sample[]> {
  return collectors[kind](RuleParams[kind].parse(params), ctx);
}

export type { CollectContext, Sample };
