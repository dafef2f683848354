import { judgeCanaries } from "../../lib/deployments/canary";
import { pruneServingData } from "../../lib/deployments/retention";
import type { PeriodicJob } from "../periodic";

/** Judges every canary against its stable version; rolls back a failing one at once. */
export const CanaryGatesJob: PeriodicJob = {
  name: "deployments.canary-gates",
  everyMs: 10_000,
  quiet: true,
  run: () => judgeCanaries(),
};

export const ServingRetentionJob: PeriodicJob = {
  name: "deployments.retention",
  everyMs: 60 * 60_000,
  run: () => pruneServingData(),
};
