import { Cron } from "croner";

/**
 * Five-field cron ("minute hour day-of-month month day-of-week") in an IANA
 * time zone. croner's "5-part" mode rejects seconds and years, so what
 * operators type here means what crontab(5) says it means.
 */
function compile(cron: string, timezone: string): Cron {
  return new Cron(cron, { timezone, mode: "5-part", paused: true });
}

/** Why `cron` in `timezone` cannot be used, or null when it can. */
export function cronProblem(cron: string, timezone: string): string | null {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    return `${timezone} is not an IANA time zone (e.g. UTC, Europe/Amsterdam)`;
  }
  if (cron.trim().split(/\s+/).length !== 5)
    return `"${cron}" is not a five-field cron expression (minute hour day month weekday)`;
  try {
    const next = compile(cron, timezone).nextRun(new Date());
    return next ? null : `"${cron}" never fires`;
  } catch (err) {
    return `"${cron}" is not a valid cron expression: ${(err as Error).message}`;
  }
}

/** The first firing strictly after `after`; null for an expression that never fires again. */
export function nextCronRun(cron: string, timezone: string, after: Date): Date | null {
  return compile(cron, timezone).nextRun(after);
}

/** The next `n` firings after `after` (for the schedules page). */
export function nextCronRuns(cron: string, timezone: string, after: Date, n: number): Date[] {
  return compile(cron, timezone).nextRuns(n, after);
}
