import { describe, expect, it } from "vitest";
import { MicroBatcher, OverloadedError } from "../../../serving/batcher";

describe("micro-batching", () => {
  it("answers concurrent requests from one model call, each with its own outputs in order", async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      (items) => {
        calls.push(items);
        return items.map((x) => x * 10);
      },
      { maxBatch: 64, windowMs: 2, latencyBudgetMs: 1000 },
    );
    const answers = await Promise.all([batcher.submit([1]), batcher.submit([2, 3]), batcher.submit([4])]);
    expect(answers).toEqual([[10], [20, 30], [40]]);
    expect(calls).toEqual([[1, 2, 3, 4]]);
    expect([...batcher.batchSizes]).toEqual([[4, 1]]);
  });

  it("runs a full batch without waiting for the window, and never splits a request", async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      (items) => {
        calls.push(items);
        return items;
      },
      { maxBatch: 4, windowMs: 10_000, latencyBudgetMs: 1000 },
    );
    const t0 = Date.now();
    await Promise.all([batcher.submit([1, 2, 3]), batcher.submit([4, 5]), batcher.submit([6, 7])]);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(calls).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });

  it("fails every request of a batch whose model call throws, and goes on with the next", async () => {
    let fail = true;
    const batcher = new MicroBatcher<number, number>(
      (items) => {
        if (fail) throw new Error("boom");
        return items;
      },
      { maxBatch: 8, windowMs: 1, latencyBudgetMs: 1000 },
    );
    await expect(Promise.all([batcher.submit([1]), batcher.submit([2])])).rejects.toThrow("boom");
    fail = false;
    await expect(batcher.submit([3])).resolves.toEqual([3]);
  });

  it("refuses at once, with a retry delay, when the queued work exceeds the latency budget", async () => {
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        await new Promise((r) => setTimeout(r, 20));
        return items;
      },
      { maxBatch: 2, windowMs: 1, latencyBudgetMs: 5 },
    );
    // Learn the cost: 10 ms per instance.
    await batcher.submit([1, 2]);
    const first = batcher.submit([1, 2]);
    const second = batcher.submit([3, 4]).catch(() => undefined);
    const third = batcher.submit([5, 6]);
    await expect(third).rejects.toBeInstanceOf(OverloadedError);
    await expect(third).rejects.toMatchObject({ retryAfterSeconds: 1 });
    await expect(first).resolves.toEqual([1, 2]);
    await second;
  });
});
