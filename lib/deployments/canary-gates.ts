/**
 * Judging a canary against the stable version over the same window, as pure
 * functions: wait until both sides have enough requests, then fail on the
 * first gate the canary breaks (error rate, p95 latency, live accuracy when
 * both sides have enough labels), else pass. The evidence — both sides'
 * figures and the limits — is what a rollback or a step records.
 */
import type { Gates } from "./schemas";
import type { AccuracyStats, WindowStats } from "./serving-stats";

export type Side = { version: number; stats: WindowStats; accuracy: AccuracyStats };

export type GateEvidence = {
  windowMinutes: number;
  stable: SideFigures;
  canary: SideFigures;
  limits: {
    maxErrorRateIncrease: number;
    maxP95Ratio: number;
    maxAccuracyDrop: number;
    minRequests: number;
    minLabels: number;
  };
};
type SideFigures = {
  version: number;
  requests: number;
  errorRate: number | null;
  p95Ms: number | null;
  accuracy: number | null;
  labelled: number;
};

export type Judgement =
  | { decision: "wait"; reason: string; evidence: GateEvidence }
  | { decision: "fail"; gate: "errors" | "latency" | "accuracy"; reason: string; evidence: GateEvidence }
  | { decision: "pass"; reason: string; evidence: GateEvidence };

const figures = (s: Side): SideFigures => ({
  version: s.version,
  requests: s.stats.requests,
  errorRate: s.stats.errorRate,
  p95Ms: s.stats.latencyMs.p95,
  accuracy: s.accuracy.accuracy,
  labelled: s.accuracy.labelled,
});

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

export function judgeCanary(gates: Gates, stable: Side, canary: Side): Judgement {
  const evidence: GateEvidence = {
    windowMinutes: gates.windowMinutes,
    stable: figures(stable),
    canary: figures(canary),
    limits: {
      maxErrorRateIncrease: gates.maxErrorRateIncrease,
      maxP95Ratio: gates.maxP95Ratio,
      maxAccuracyDrop: gates.maxAccuracyDrop,
      minRequests: gates.minRequests,
      minLabels: gates.minLabels,
    },
  };
  const short = [stable, canary].filter((s) => s.stats.requests < gates.minRequests);
  if (short.length)
    return {
      decision: "wait",
      reason: `waiting for ${gates.minRequests} requests on each side in ${gates.windowMinutes} min (stable ${stable.stats.requests}, canary ${canary.stats.requests})`,
      evidence,
    };
  const e = { stable: stable.stats.errorRate ?? 0, canary: canary.stats.errorRate ?? 0 };
  if (e.canary - e.stable > gates.maxErrorRateIncrease)
    return {
      decision: "fail",
      gate: "errors",
      reason: `canary error rate ${pct(e.canary)} against stable ${pct(e.stable)}: more than ${pct(gates.maxErrorRateIncrease)} worse`,
      evidence,
    };
  const p95 = { stable: stable.stats.latencyMs.p95, canary: canary.stats.latencyMs.p95 };
  if (p95.stable !== null && p95.canary !== null && p95.canary > gates.maxP95Ratio * Math.max(p95.stable, 0.25))
    return {
      decision: "fail",
      gate: "latency",
      reason: `canary p95 ${ms(p95.canary)} against stable ${ms(p95.stable)}: more than ${gates.maxP95Ratio}× slower`,
      evidence,
    };
  const a = { stable: stable.accuracy, canary: canary.accuracy };
  const isLabelled = a.stable.labelled >= gates.minLabels && a.canary.labelled >= gates.minLabels;
  if (isLabelled && a.stable.accuracy! - a.canary.accuracy! > gates.maxAccuracyDrop)
    return {
      decision: "fail",
      gate: "accuracy",
      reason: `canary live accuracy ${pct(a.canary.accuracy!)} against stable ${pct(a.stable.accuracy!)} on ${a.canary.labelled}/${a.stable.labelled} labels: more than ${pct(gates.maxAccuracyDrop)} lower`,
      evidence,
    };
  return {
    decision: "pass",
    reason: `passed: errors ${pct(e.canary)} vs ${pct(e.stable)}, p95 ${ms(p95.canary ?? 0)} vs ${ms(p95.stable ?? 0)}${isLabelled ? `, accuracy ${pct(a.canary.accuracy!)} vs ${pct(a.stable.accuracy!)}` : ", accuracy not judged (too few labels)"}`,
    evidence,
  };
}

/** The weight after `current` in the gates' steps, or null when the canary is at the last step (promote). */
export function nextStep(gates: Gates, current: number): number | null {
  return gates.steps.find((w) => w > current + 1e-9) ?? null;
}
