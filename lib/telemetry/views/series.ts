import { db } from "../../db";
import { getPool } from "../../database/pool";
import { AppError } from "../../errors";
import { findFieldId } from "../store/field-ids";
import type { SeriesOut, SeriesQuery } from "../schemas";
import { getTelemetrySettings } from "../settings";
import { readPrometheusSeries } from "./prometheus-series/read-series";

const MAX_POINTS = 5_000;

export type SeriesSource = "raw" | "1m" | "1h";

/**
 * The coarsest table that still resolves `stepSeconds`: hour rollups for steps
 * of an hour or more, minute rollups for a minute or more, raw samples below.
 * Coarser tables hold ~60× fewer rows each, which is what keeps week-long
 * charts fast.
 */
export function chooseSource(stepSeconds: number): SeriesSource {
  if (stepSeconds >= 3600 && stepSeconds % 3600 === 0) return "1h";
  if (stepSeconds >= 60 && stepSeconds % 60 === 0) return "1m";
  return "raw";
}

/**
 * The step when none is asked for: at most 300 points over the range, rounded
 * up to whole minutes from a minute on and to whole hours from half an hour
 * on, so the series is read from a rollup — range / 300 itself (2,016 s for a
 * week) would be served from raw samples.
 */
export function defaultStep(rangeSeconds: number): number {
  const step = Math.max(1, Math.ceil(rangeSeconds / 300));
  if (step >= 1800) return Math.ceil(step / 3600) * 3600;
  if (step >= 60) return Math.ceil(step / 60) * 60;
  return step;
}

const sql = (source: SeriesSource) => {
  const time = source === "raw" ? `"at"` : `"bucket"`;
  const table = { raw: `"GpuSample"`, "1m": `"GpuRollup1m"`, "1h": `"GpuRollup1h"` }[source];
  const agg =
    source === "raw"
      ? `avg("value") AS avg, min("value") AS min, max("value") AS max`
      : `sum("sum") / sum("count") AS avg, min("min") AS min, max("max") AS max`;
  // date_bin aligns buckets to the Unix epoch, so the same step gives the same buckets on every call.
  return `SELECT date_bin(make_interval(secs => $4::int), ${time}, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS t, ${agg}
    FROM ${table} WHERE "gpuId" = $1::uuid AND "fieldId" = $2 AND ${time} >= $3::timestamptz AND ${time} < $5::timestamptz
    GROUP BY 1 ORDER BY 1`;
};

/**
 * A GPU's field over time, averaged per step, from the rollup that fits the
 * step — or, with `source: "prometheus"`, from the operators' Prometheus over
 * the same buckets (409 when no prometheusUrl is set, 502/504 when it fails).
 */
export async function getGpuSeries(uuid: string, q: SeriesQuery): Promise<SeriesOut> {
  const gpu = await db.gpu.findUnique({ where: { uuid }, select: { id: true } });
  if (!gpu) throw new AppError("not_found", `GPU ${uuid} does not exist`);
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 3_600_000);
  const rangeSeconds = (to.getTime() - from.getTime()) / 1000;
  const step = q.step ?? defaultStep(rangeSeconds);
  if (rangeSeconds / step > MAX_POINTS) {
    throw new AppError(
      "unprocessable_entity",
      `That is ${Math.ceil(rangeSeconds / step)} points; ask for at most ${MAX_POINTS} (a larger step)`,
      { maxPoints: MAX_POINTS },
    );
  }
  if (q.source === "prometheus") {
    const { prometheusUrl } = await getTelemetrySettings();
    const read = await readPrometheusSeries(prometheusUrl, { uuid, metric: q.metric, from, to, step });
    return { metric: q.metric, from: from.toISOString(), to: to.toISOString(), step, source: "prometheus", ...read };
  }
  const source = chooseSource(step);
  const out: SeriesOut = {
    metric: q.metric,
    from: from.toISOString(),
    to: to.toISOString(),
    step,
    source,
    points: [],
    min: [],
    max: [],
  };
  const fieldId = await findFieldId(getPool(), q.metric);
  if (fieldId === null) return out;
  const { rows } = await getPool().query<{ t: Date; avg: number; min: number; max: number }>(sql(source), [
    gpu.id,
    fieldId,
    from.toISOString(),
    step,
    to.toISOString(),
  ]);
  for (const row of rows) {
    const t = row.t.toISOString();
    out.points.push([t, row.avg]);
    out.min.push([t, row.min]);
    out.max.push([t, row.max]);
  }
  return out;
}
