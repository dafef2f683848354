import { logger } from "../lib/observability/logger";

export type PeriodicJob = {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /** Log only failures (for jobs that tick every second). */
  quiet?: boolean;
  /** Waits for work the job started but did not await. */
  stop?: () => Promise<void>;
};

/**
 * Runs each job now and then every `everyMs`, never overlapping itself. stop()
 * waits for running jobs to finish, so a SIGTERM never cuts one in half.
 * (Queued work — training — moves to pg-boss with the jobs issue.)
 */
export function startPeriodic(jobs: PeriodicJob[]) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  const tick = (job: PeriodicJob) => {
    if (stopped) return;
    const t0 = Date.now();
    const p = job
      .run()
      .then((result) => {
        if (!job.quiet) logger.info({ job: job.name, ms: Date.now() - t0, result }, "job done");
      })
      .catch((err) => logger.error({ job: job.name, err }, "job failed"))
      .finally(() => {
        running.delete(p);
        if (!stopped) timers.push(setTimeout(() => tick(job), job.everyMs));
      });
    running.add(p);
  };
  for (const job of jobs) tick(job);
  return {
    stop: async () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all(running);
      await Promise.all(jobs.map((j) => j.stop?.()));
    },
  };
}
