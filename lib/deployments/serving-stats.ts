/**
 * What the serving processes measured, read back: per version of a
 * deployment over a window of whole minutes — requests, errors, latency
 * percentiles from the merged histograms — and live accuracy from feedback
 * joined to the predictions it labels.
 */
import { db } from "../db";
import { getPool } from "../database/pool";
import { addCounts, emptyCounts, quantileOf } from "./latency-buckets";

export type WindowStats = {
  requests: number;
  errors: number;
  instances: number;
  errorRate: number | null;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; mean: number | null };
  latencyCounts: number[];
};

export type AccuracyStats = {
  /** Labelled instances joined to a logged prediction. */
  labelled: number;
  correct: number;
  accuracy: number | null;
  /** Labelled instances over logged ones in the window. */
  coverage: number | null;
  /** Median delay from prediction to feedback, seconds. */
  medianJoinDelaySeconds: number | null;
  /** Feedback whose request was not (or not yet) found in the prediction log. */
  unmatched: number;
};

export const minuteOf = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

/** Stats of `versionId` (or every version) of a deployment over [from, to). */
export async function windowStats(
  deploymentId: string,
  from: Date,
  to: Date,
  versionId?: string,
): Promise<WindowStats> {
  const rows = await db.servingMinute.findMany({
    where: { deploymentId, minute: { gte: minuteOf(from.getTime()), lt: to }, ...(versionId ? { versionId } : {}) },
  });
  return sumStats(rows);
}

export function sumStats(
  rows: { requests: number; errors: number; instances: number; latencySumMs: number; latencyCounts: number[] }[],
): WindowStats {
  const counts = emptyCounts();
  let requests = 0;
  let errors = 0;
  let instances = 0;
  let sum = 0;
  for (const r of rows) {
    requests += r.requests;
    errors += r.errors;
    instances += r.instances;
    sum += r.latencySumMs;
    addCounts(counts, r.latencyCounts);
  }
  return {
    requests,
    errors,
    instances,
    errorRate: requests ? errors / requests : null,
    latencyMs: {
      p50: quantileOf(counts, 0.5),
      p95: quantileOf(counts, 0.95),
      p99: quantileOf(counts, 0.99),
      mean: requests ? sum / requests : null,
    },
    latencyCounts: counts,
  };
}

const ACCURACY_SQL = `
WITH logged AS (
  SELECT r."requestId", r."at", r."labels" FROM "PredictionRecord" r
  WHERE r."deploymentId" = $1 AND r."at" >= $2 AND r."at" < $3 AND ($4::uuid IS NULL OR r."versionId" = $4::uuid)
), joined AS (
  SELECT f."label" = l."labels"[f."index" + 1] AS "correct", extract(epoch FROM f."receivedAt" - l."at") AS "delay"
  FROM logged l JOIN "PredictionFeedback" f ON f."requestId" = l."requestId"
)
SELECT (SELECT count(*) FROM joined)::int AS "labelled",
       (SELECT count(*) FROM joined WHERE "correct")::int AS "correct",
       (SELECT coalesce(sum(cardinality("labels")), 0) FROM logged)::int AS "logged",
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "delay") FROM joined)::float8 AS "delay",
       (SELECT count(*) FROM "PredictionFeedback" f WHERE f."deploymentId" = $1 AND f."receivedAt" >= $2
          AND NOT EXISTS (SELECT 1 FROM "PredictionRecord" r WHERE r."requestId" = f."requestId"))::int AS "unmatched"`;

/** Live accuracy of a deployment (or one version) on predictions made in [from, to). */
export async function accuracyStats(
  deploymentId: string,
  from: Date,
  to: Date,
  versionId: string | null = null,
): Promise<AccuracyStats> {
  const { rows } = await getPool().query<{
    labelled: number;
    correct: number;
    logged: number;
    delay: number | null;
    unmatched: number;
  }>(ACCURACY_SQL, [deploymentId, from, to, versionId]);
  const r = rows[0]!;
  return {
    labelled: r.labelled,
    correct: r.correct,
    accuracy: r.labelled ? r.correct / r.labelled : null,
    coverage: r.logged ? r.labelled / r.logged : null,
    medianJoinDelaySeconds: r.delay,
    unmatched: r.unmatched,
  };
}
