import type pg from "pg";
import type { Rejection } from "../dcgm/parser";
import { resolveFieldIds } from "./field-ids";
import type { SampleColumns } from "./sample-store";

// Rollups sum values: a finite value near float8's limit (1.8e308) would make a
// sum overflow, which PostgreSQL reports as an error, and the fold could never
// drain that batch. No DCGM counter comes near this bound.
const MAX_ABS_VALUE = 1e300;

/**
 * The samples of one ingested page that are to be stored, as columns, and the
 * ones refused for their value or time. Fields are kept by name (an index into
 * `metrics`) until `columns()` resolves their ids, which may register a new
 * field: a query, which a parser callback cannot wait for.
 */
export class SampleBatch {
  readonly rejections: Rejection[] = [];
  private readonly cols: SampleColumns = { gpuIds: [], fieldIds: [], atMs: [], values: [] };
  private readonly metrics: string[] = [];
  private readonly metricIndex = new Map<string, number>();
  private lastMetric: string | null = null;
  private lastMetricIndex = -1;

  /** Samples are accepted if stamped within [oldestMs, newestMs]; unstamped ones get `receivedMs`. */
  constructor(
    private readonly receivedMs: number,
    private readonly oldestMs: number,
    private readonly newestMs: number,
  ) {}

  add(gpuId: string, metric: string, value: number, timestampMs: number | null, line: number): void {
    const at = timestampMs ?? this.receivedMs;
    if (!(Math.abs(value) <= MAX_ABS_VALUE))
      this.rejections.push({ line, reason: `${metric}: value ${value} is not a finite number within ±1e300` });
    else if (at < this.oldestMs || at > this.newestMs)
      this.rejections.push({
        line,
        reason: `${metric}: time ${new Date(at).toISOString()} is outside the accepted window`,
      });
    else {
      // Lines of one metric come together: the map is asked once per metric, not per sample.
      if (metric !== this.lastMetric) {
        this.lastMetric = metric;
        this.lastMetricIndex = this.metricIndex.get(metric) ?? this.metrics.push(metric) - 1;
        this.metricIndex.set(metric, this.lastMetricIndex);
      }
      this.cols.gpuIds.push(gpuId);
      this.cols.fieldIds.push(this.lastMetricIndex);
      this.cols.atMs.push(at);
      this.cols.values.push(value);
    }
  }

  /** The accepted samples with field ids; the batch is spent after this. */
  async columns(pool: pg.Pool): Promise<SampleColumns> {
    const ids = await resolveFieldIds(pool, this.metrics);
    const idOf = this.metrics.map((m) => ids.get(m)!);
    const fieldIds = this.cols.fieldIds;
    for (let i = 0; i < fieldIds.length; i++) fieldIds[i] = idOf[fieldIds[i]!]!;
    return this.cols;
  }
}
