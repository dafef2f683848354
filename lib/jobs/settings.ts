import { z } from "zod";

// The job system's knobs, parsed once from the environment. Kept beside lib/jobs
// rather than in lib/config.ts because only the worker (and tests) read them.
const Env = z.object({
  /** A running job's lease; a worker that stops heartbeating loses the job after this long. */
  RACKMIND_JOB_LEASE_SECONDS: z.coerce.number().min(2).max(3600).default(30),
  /** How often a worker extends its leases and looks for cancellation (so cancel takes effect within about this). */
  RACKMIND_JOB_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** A placed job no worker has claimed after this long is dispatched again. */
  RACKMIND_JOB_CLAIM_SECONDS: z.coerce.number().min(2).max(3600).default(60),
  /** Jobs one worker process runs at once (training is CPU-bound; 0 = this worker only schedules). */
  RACKMIND_WORKER_CONCURRENCY: z.coerce.number().int().min(0).max(32).default(1),
  /** How often workers look for queued jobs to place, due schedules and expired leases. */
  RACKMIND_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Retries after infrastructure failures (not after bad specs), with exponential backoff from this delay. */
  RACKMIND_JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(3),
  RACKMIND_JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
});
export type JobSettings = z.infer<typeof Env>;

let cached: JobSettings | undefined;

export function getJobSettings(): JobSettings {
  cached ??= Env.parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  return cached;
}

/** For tests that change the environment. */
export function resetJobSettings(): void {
  cached = undefined;
}
