import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { evaluateAlerts, releaseLease } from "../../lib/alerts/evaluator";
import { deliverNotifications } from "../../lib/alerts/notify/delivery";
import { dispatchNotifications } from "../../lib/alerts/notify/dispatcher";
import type { PeriodicJob } from "../periodic";

// This worker's name on the evaluator lease: one worker evaluates (and
// dispatches) at a time; another takes over within the lease's 30 s when it
// stops answering, at once when it stops cleanly.
const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Evaluates due alert rules every 5 s (each on its own interval), then queues the notifications due. */
export const AlertEvaluationJob: PeriodicJob = {
  name: "alerts.evaluate",
  everyMs: 5_000,
  quiet: true,
  run: async () => {
    const evaluation = await evaluateAlerts({ holder });
    if (!evaluation.evaluated) return evaluation;
    return { ...evaluation, ...(await dispatchNotifications()) };
  },
  stop: () => releaseLease(holder),
};

/** Sends queued notifications, on every worker (each claimed by one). */
export const AlertDeliveryJob: PeriodicJob = {
  name: "alerts.deliver",
  everyMs: 2_000,
  quiet: true,
  run: () => deliverNotifications(),
};
