import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { evaluateAlerts, releaseLease } from "../../lib/alerts/evaluator";
import type { PeriodicJob } from "../periodic";

// This worker's name on the evaluator lease: one worker evaluates at a time,
// and another takes over within the lease's 30 s when it stops answering.
const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Evaluates due alert rules every 5 s (each rule runs on its own interval). */
export const AlertEvaluationJob: PeriodicJob = {
  name: "alerts.evaluate",
  everyMs: 5_000,
  quiet: true,
  run: () => evaluateAlerts({ holder }),
  stop: () => releaseLease(holder),
};
