/**
 * Wait before retry `attempt` (1 = after the first failure): 2 s doubling to a
 * 5 min cap, plus up to 10 % jitter so receivers that come back are not hit by
 * every queued notification at the same instant. Bounded by the receiver's
 * maxAttempts (alertmanager#2286: ~200 retries in 10 minutes, unbounded).
 */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(300_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.1 * random()));
}

/** Whether an HTTP answer is worth retrying: server errors, 408 and 429 are; other 4xx mean the receiver refuses it. */
export const isRetryable = (status: number) => status >= 500 || status === 408 || status === 429;
