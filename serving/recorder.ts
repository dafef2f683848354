/**
 * What a serving process measured, written in batches: per deployment,
 * version and minute, request and error counts and a latency histogram
 * (added to what other processes wrote for the same minute), and a sampled,
 * capped log of predictions (inputs and labels) for drift and for joining
 * feedback. Flushed every second and at shutdown; nothing here is on the
 * request path but a few counter increments.
 */
import { randomUUID } from "node:crypto";
import { getPool } from "../lib/database/pool";
import { bucketOf, emptyCounts } from "../lib/deployments/latency-buckets";
import { logger } from "../lib/observability/logger";

type MinuteKey = string;
type Minute = {
  deploymentId: string;
  versionId: string;
  minute: Date;
  requests: number;
  errors: number;
  instances: number;
  latencySumMs: number;
  counts: number[];
};
type LogRow = {
  requestId: string;
  deploymentId: string;
  versionId: string;
  at: Date;
  inputs: string;
  labels: string[];
};

export type RecorderOptions = {
  /** Most predictions logged per second per process; beyond it, the log samples. */
  maxLoggedPerSecond: number;
};

// One statement per minute row: arrays of arrays do not unnest row by row in SQL.
const UPSERT_MINUTE = `
INSERT INTO "ServingMinute" ("deploymentId", "versionId", "minute", "requests", "errors", "instances", "latencySumMs", "latencyCounts")
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT ("deploymentId", "versionId", "minute") DO UPDATE SET
  "requests" = "ServingMinute"."requests" + EXCLUDED."requests",
  "errors" = "ServingMinute"."errors" + EXCLUDED."errors",
  "instances" = "ServingMinute"."instances" + EXCLUDED."instances",
  "latencySumMs" = "ServingMinute"."latencySumMs" + EXCLUDED."latencySumMs",
  "latencyCounts" = ARRAY(
    SELECT coalesce(a, 0) + coalesce(b, 0)
    FROM unnest("ServingMinute"."latencyCounts", EXCLUDED."latencyCounts") AS u(a, b))`;

const INSERT_LOG = `
INSERT INTO "PredictionRecord" ("requestId", "deploymentId", "versionId", "at", "inputs", "labels")
SELECT r."requestId", r."deploymentId", r."versionId", r."at", r."inputs"::jsonb, ARRAY(SELECT jsonb_array_elements_text(r."labels"::jsonb))
FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[])
  AS r("requestId", "deploymentId", "versionId", "at", "inputs", "labels")
ON CONFLICT DO NOTHING`;

export class Recorder {
  private minutes = new Map<MinuteKey, Minute>();
  private log: LogRow[] = [];
  private second = 0;
  private loggedThisSecond = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  /** Predictions not logged because of the cap, since start (reported by /metrics). */
  skippedLogs = 0;

  constructor(private readonly options: RecorderOptions) {}

  newRequestId(): string {
    return randomUUID();
  }

  /** One answered (or failed) request. */
  count(deploymentId: string, versionId: string, latencyMs: number, instances: number, isError: boolean): void {
    const minuteMs = Math.floor(Date.now() / 60_000) * 60_000;
    const key = `${deploymentId}|${versionId}|${minuteMs}`;
    let m = this.minutes.get(key);
    if (!m) {
      m = {
        deploymentId,
        versionId,
        minute: new Date(minuteMs),
        requests: 0,
        errors: 0,
        instances: 0,
        latencySumMs: 0,
        counts: emptyCounts(),
      };
      this.minutes.set(key, m);
    }
    m.requests += 1;
    m.instances += instances;
    if (isError) m.errors += 1;
    m.latencySumMs += latencyMs;
    m.counts[bucketOf(latencyMs)]! += 1;
  }

  /**
   * A prediction for the log, unless this second's quota is spent. `inputs`
   * is called only for a prediction that is logged: building the {feature:
   * value} objects for every request cost more than the rest of the recording.
   */
  logPrediction(row: {
    requestId: string;
    deploymentId: string;
    versionId: string;
    inputs: () => object[];
    labels: string[];
  }): boolean {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.loggedThisSecond = 0;
    }
    if (this.loggedThisSecond >= this.options.maxLoggedPerSecond) {
      this.skippedLogs++;
      return false;
    }
    this.loggedThisSecond++;
    this.log.push({ ...row, at: new Date(now), inputs: JSON.stringify(row.inputs()), labels: row.labels });
    return true;
  }

  start(everyMs = 1000): void {
    const tick = () => {
      this.timer = setTimeout(() => void this.flush().finally(tick), everyMs);
    };
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
  }

  /** Writes what was counted and logged since the last flush; on failure it is kept for the next. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async write(): Promise<void> {
    const minutes = [...this.minutes.values()];
    const log = this.log;
    this.minutes = new Map();
    this.log = [];
    if (minutes.length === 0 && log.length === 0) return;
    const pool = getPool();
    try {
      for (const m of minutes)
        await pool.query(UPSERT_MINUTE, [
          m.deploymentId,
          m.versionId,
          m.minute,
          m.requests,
          m.errors,
          m.instances,
          m.latencySumMs,
          m.counts,
        ]);
      if (log.length)
        await pool.query(INSERT_LOG, [
          log.map((r) => r.requestId),
          log.map((r) => r.deploymentId),
          log.map((r) => r.versionId),
          log.map((r) => r.at),
          log.map((r) => r.inputs),
          log.map((r) => JSON.stringify(r.labels)),
        ]);
    } catch (err) {
      logger.warn(
        { err, minutes: minutes.length, logged: log.length },
        "could not write serving figures; keeping them for the next flush",
      );
      for (const m of minutes) this.merge(m);
      this.log = [...log, ...this.log].slice(-50_000);
    }
  }

  private merge(m: Minute): void {
    const key = `${m.deploymentId}|${m.versionId}|${m.minute.getTime()}`;
    const into = this.minutes.get(key);
    if (!into) return void this.minutes.set(key, m);
    into.requests += m.requests;
    into.errors += m.errors;
    into.instances += m.instances;
    into.latencySumMs += m.latencySumMs;
    m.counts.forEach((c, i) => (into.counts[i]! += c));
  }
}
