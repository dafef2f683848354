import { getPool } from "../database/pool";
import { LATENCY_BOUNDS_MS } from "../deployments/latency-buckets";
import { registry } from "./registry";

/**
 * Predict latency per deployment and version as a Prometheus histogram, built
 * from what every serving process wrote (the per-minute histograms in the
 * database, summed over their retention): cumulative, so rate() and
 * histogram_quantile() work across all serving processes at once. When old
 * minutes are pruned the counts drop, which Prometheus reads as a counter reset.
 */
type Row = {
  deployment: string;
  model: string;
  version: number;
  requests: number;
  errors: number;
  sumMs: number;
  counts: number[];
};

const TOTALS_SQL = `
SELECT d."name" AS "deployment", m."name" AS "model", v."version", t."requests", t."errors", t."sumMs", t."counts"
FROM (
  SELECT s."deploymentId", s."versionId", sum(s."requests")::int AS "requests", sum(s."errors")::int AS "errors",
         sum(s."latencySumMs")::float8 AS "sumMs",
         ARRAY(SELECT sum(c)::int FROM "ServingMinute" x, unnest(x."latencyCounts") WITH ORDINALITY AS u(c, i)
               WHERE x."deploymentId" = s."deploymentId" AND x."versionId" = s."versionId" GROUP BY i ORDER BY i) AS "counts"
  FROM "ServingMinute" s GROUP BY s."deploymentId", s."versionId"
) t
JOIN "Deployment" d ON d."id" = t."deploymentId"
JOIN "ModelVersion" v ON v."id" = t."versionId"
JOIN "RegisteredModel" m ON m."id" = v."modelId"`;

let pending: Promise<Row[]> | null = null;
function totalsOnce(): Promise<Row[]> {
  pending ??= getPool()
    .query<Row>(TOTALS_SQL)
    .then((r) => r.rows)
    .finally(() => setTimeout(() => (pending = null), 0));
  return pending;
}

const labelsOf = (r: Row) => ({ deployment: r.deployment, model: r.model, version: String(r.version) });

const HISTOGRAM_HELP =
  "Latency of predict requests answered by the serving processes, by deployment and model version.";

// prom-client's Histogram counts what its own process observed; this one is
// read from the database at scrape time, so it is registered as a plain metric
// object (what the registry calls to render any metric).
const latencyHistogram = {
  name: "rackmind_predict_latency_seconds",
  help: HISTOGRAM_HELP,
  type: "histogram",
  aggregator: "sum",
  async get() {
    const rows = await totalsOnce();
    const values = rows.flatMap((r) => {
      let cumulative = 0;
      const bucket = "rackmind_predict_latency_seconds_bucket";
      return [
        ...LATENCY_BOUNDS_MS.map((le, i) => {
          cumulative += r.counts[i] ?? 0;
          return { metricName: bucket, labels: { ...labelsOf(r), le: String(le / 1000) }, value: cumulative };
        }),
        { metricName: bucket, labels: { ...labelsOf(r), le: "+Inf" }, value: r.requests },
        { metricName: "rackmind_predict_latency_seconds_sum", labels: labelsOf(r), value: r.sumMs / 1000 },
        { metricName: "rackmind_predict_latency_seconds_count", labels: labelsOf(r), value: r.requests },
      ];
    });
    return { name: this.name, help: HISTOGRAM_HELP, type: "histogram", aggregator: "sum", values };
  },
};
registry.registerMetric(latencyHistogram as unknown as Parameters<typeof registry.registerMetric>[0]);

const errorsCounter = {
  name: "rackmind_predict_errors_total",
  help: "Predict requests that failed (5xx), by deployment and model version.",
  type: "counter",
  aggregator: "sum",
  async get() {
    const rows = await totalsOnce();
    return {
      name: this.name,
      help: this.help,
      type: "counter",
      aggregator: "sum",
      values: rows.map((r) => ({ labels: labelsOf(r), value: r.errors })),
    };
  },
};
registry.registerMetric(errorsCounter as unknown as Parameters<typeof registry.registerMetric>[0]);
