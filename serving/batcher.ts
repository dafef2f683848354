/**
 * Micro-batching, as TF Serving and Triton do it: requests that arrive within
 * a short window (or until a batch is full) share one model call. A request
 * may carry several instances; they stay together. When the work already
 * queued would take longer than the latency budget, a new request is refused
 * at once (the caller answers 503 with Retry-After) instead of joining a
 * queue it would time out in.
 */

export class OverloadedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("the model's queue is over its latency budget");
    this.name = "OverloadedError";
  }
}

export type BatcherOptions = {
  /** Most instances per model call: bounds how long one call holds the event loop. */
  maxBatch: number;
  /** How long the first request of a batch waits for company, ms. */
  windowMs: number;
  /** Refuse requests whose projected wait exceeds this, ms. */
  latencyBudgetMs: number;
};

type Entry<I, O> = { items: I[]; resolve: (out: O[]) => void; reject: (err: unknown) => void };

export class MicroBatcher<I, O> {
  private queue: Entry<I, O>[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** Smoothed cost of one instance, ms (starts pessimistic-free at 0.05). */
  private msPerInstance = 0.05;
  /** How many model calls had each batch size (instances), for the benchmark. */
  readonly batchSizes = new Map<number, number>();

  constructor(
    private readonly run: (items: I[]) => O[] | Promise<O[]>,
    private readonly options: BatcherOptions,
  ) {}

  /** The outputs for `items`, in order, computed in some batch. */
  submit(items: I[]): Promise<O[]> {
    const projectedMs = (this.queued + items.length) * this.msPerInstance;
    if (this.queued > 0 && projectedMs > this.options.latencyBudgetMs)
      return Promise.reject(new OverloadedError(Math.max(1, Math.ceil(projectedMs / 1000))));
    return new Promise<O[]>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.queued += items.length;
      if (this.queued >= this.options.maxBatch) this.flushSoon(0);
      else this.flushSoon(this.options.windowMs);
    });
  }

  get pending(): number {
    return this.queued;
  }

  private flushSoon(delayMs: number): void {
    if (this.running) return; // the running batch flushes again when it ends
    if (delayMs === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      setImmediate(() => void this.flush());
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, delayMs);
    }
  }

  private async flush(): Promise<void> {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    const batch: Entry<I, O>[] = [];
    let size = 0;
    // Whole requests only; a request larger than maxBatch runs alone.
    while (this.queue.length && (size === 0 || size + this.queue[0]!.items.length <= this.options.maxBatch)) {
      const entry = this.queue.shift()!;
      batch.push(entry);
      size += entry.items.length;
    }
    this.queued -= size;
    this.batchSizes.set(size, (this.batchSizes.get(size) ?? 0) + 1);
    const t0 = performance.now();
    try {
      const outputs = await this.run(batch.flatMap((e) => e.items));
      let at = 0;
      for (const e of batch) {
        e.resolve(outputs.slice(at, at + e.items.length));
        at += e.items.length;
      }
    } catch (err) {
      for (const e of batch) e.reject(err);
    } finally {
      const ms = (performance.now() - t0) / Math.max(1, size);
      this.msPerInstance = 0.8 * this.msPerInstance + 0.2 * ms;
      this.running = false;
      if (this.queue.length) this.flushSoon(this.queued >= this.options.maxBatch ? 0 : this.options.windowMs);
    }
  }
}
