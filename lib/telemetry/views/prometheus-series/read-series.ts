import { AppError } from "../../../errors";
import { logger } from "../../../observability/logger";
import { fetchScrapePage, isTimedOut, ScrapeError } from "../../scrape/fetch-page";
import { currentNetworkPolicy } from "../../scrape/network-policy";
import { gpuSelector, planRange, QueryRangeAnswer, seriesQuery, toPoints, type SeriesAggregate } from "./promql";

/**
 * Reads a GPU's series from the operators' Prometheus (or Mimir,
 * VictoriaMetrics: anything that serves the Prometheus HTTP API) instead of
 * Rackmind's own tables. The server is fetched like a scrape target: under
 * the admin's network allow-list, redirects included, with a timeout and a
 * size cap, and its answers are never echoed — a failure says which server and
 * what kind of failure (502, or 504 when it was too slow), nothing it sent.
 */

/** Per query; the three run side by side, so a chart waits at most this long. */
export const PROMETHEUS_TIMEOUT_MS = 5_000;
/** 5,000 points × three series is a few hundred kB of JSON; far more is not an answer to this query. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export type PrometheusSeries = { points: [string, number][]; min: [string, number][]; max: [string, number][] };

/** Where the server is, for messages: its URL as set (credentials are refused by the setting's schema). */
function describe(baseUrl: string): string {
  return `Prometheus at ${baseUrl}`;
}

function queryRangeUrl(baseUrl: string, query: string, range: ReturnType<typeof planRange>): URL {
  // Relative to the base with a trailing slash, so a path prefix (Mimir's /prometheus) is kept.
  const url = new URL("api/v1/query_range", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.searchParams.set("query", query);
  url.searchParams.set("start", range.start);
  url.searchParams.set("end", range.end);
  url.searchParams.set("step", range.step);
  return url;
}

async function queryRange(baseUrl: string, url: URL, timeoutMs: number): Promise<QueryRangeAnswer> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchScrapePage(url.toString(), await currentNetworkPolicy(), timeoutMs, {
      accept: "application/json",
      maxBytes: MAX_ANSWER_BYTES,
    });
  } catch (err) {
    if (!(err instanceof ScrapeError)) throw err;
    logger.warn({ prometheus: baseUrl, err: err.message }, "reading a series from Prometheus failed");
    if (isTimedOut(err))
      throw new AppError("gateway_timeout", `${describe(baseUrl)} did not answer within ${timeoutMs / 1000} s`);
    throw new AppError("bad_gateway", `${describe(baseUrl)} could not be read: ${err.message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = QueryRangeAnswer.safeParse(json);
  if (!parsed.success) {
    logger.warn({ prometheus: baseUrl }, "Prometheus answered something other than a query_range matrix");
    throw new AppError("bad_gateway", `${describe(baseUrl)} answered something other than a query_range matrix`);
  }
  return parsed.data;
}

/**
 * The average, min and max per step of `metric` for the GPU `uuid` over
 * [from, to), from the Prometheus at `baseUrl`; the same buckets and labels as
 * Rackmind's own series (see ./promql.ts for what differs at the edges).
 * `baseUrl` null (the setting is not made) is a 409 that says so.
 */
export async function readPrometheusSeries(
  baseUrl: string | null,
  q: { uuid: string; metric: string; from: Date; to: Date; step: number },
  timeoutMs = PROMETHEUS_TIMEOUT_MS,
): Promise<PrometheusSeries> {
  if (!baseUrl) {
    throw new AppError(
      "conflict",
      "No Prometheus is set to read from: an admin sets prometheusUrl in the telemetry settings (PUT /api/v1/telemetry/settings)",
      { setting: "prometheusUrl" },
    );
  }
  const range = planRange(q.from.getTime(), q.to.getTime(), q.step);
  const selector = gpuSelector(q.metric, q.uuid);
  const read = async (agg: SeriesAggregate) =>
    toPoints(
      await queryRange(baseUrl, queryRangeUrl(baseUrl, seriesQuery(agg, selector, q.step), range), timeoutMs),
      q.step,
    );
  const [points, min, max] = await Promise.all([read("avg"), read("min"), read("max")]);
  return { points, min, max };
}
