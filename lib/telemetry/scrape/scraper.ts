import { getPool } from "../../database/pool";
import { logger } from "../../observability/logger";
import { ingestDcgm } from "../ingest";
import { fetchScrapePage, safeMessage } from "./fetch-page";
import { currentNetworkPolicy } from "./network-policy";

type Claimed = { id: string; url: string; intervalSeconds: number; consecutiveFailures: number };

const MAX_BACKOFF_SECONDS = 600;

// Claims due targets and pushes their next time forward in one statement; SKIP
// LOCKED lets several workers (on several machines) share the targets without
// scraping one twice.
const CLAIM_SQL = `
UPDATE "ScrapeTarget" t SET "nextScrapeAt" = now() + make_interval(secs => t."intervalSeconds"), "lastScrapeAt" = now()
WHERE t.id IN (
  SELECT id FROM "ScrapeTarget" WHERE enabled AND "nextScrapeAt" <= now() ORDER BY "nextScrapeAt" LIMIT $1 FOR UPDATE SKIP LOCKED
)
RETURNING t.id, t.url, t."intervalSeconds", t."consecutiveFailures"`;

/** Exponential backoff after failures, capped at 10 minutes (never shorter than the interval). */
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  return Math.max(intervalSeconds, Math.min(MAX_BACKOFF_SECONDS, intervalSeconds * 2 ** failures));
}

async function scrapeOne(t: Claimed): Promise<void> {
  const startedAt = new Date();
  const pool = getPool();
  try {
    // A scrape must end before the next one is due.
    const page = await fetchScrapePage(t.url, await currentNetworkPolicy(), Math.min(10_000, t.intervalSeconds * 800));
    const result = await ingestDcgm(page, startedAt);
    await pool.query(
      `UPDATE "ScrapeTarget" SET "lastSuccessAt" = $2, "lastError" = NULL, "lastSamples" = $3, "lastDurationMs" = $4, "consecutiveFailures" = 0, "updatedAt" = now() WHERE id = $1`,
      [t.id, startedAt, result.accepted, Date.now() - startedAt.getTime()],
    );
  } catch (err) {
    // Fixed phrases only (fetch-page.ts): nothing a target or an internal host answered is stored or logged.
    const message = safeMessage(err);
    const failures = t.consecutiveFailures + 1;
    await pool.query(
      `UPDATE "ScrapeTarget" SET "lastError" = $2, "consecutiveFailures" = $3, "lastDurationMs" = $4,
         "nextScrapeAt" = $5::timestamptz + make_interval(secs => $6::int), "updatedAt" = now() WHERE id = $1`,
      [
        t.id,
        message.slice(0, 500),
        failures,
        Date.now() - startedAt.getTime(),
        startedAt,
        backoffSeconds(t.intervalSeconds, failures),
      ],
    );
    logger.warn({ target: t.url, failures, err: message }, "scrape failed");
  }
}

/** Scrapes due targets, at most `maxConcurrent` at once across calls. */
export function createScraper(maxConcurrent = 16) {
  const inFlight = new Set<Promise<void>>();
  return {
    /** Claims what is due and starts scraping it; does not wait for the scrapes. */
    async tick(): Promise<number> {
      const room = maxConcurrent - inFlight.size;
      if (room <= 0) return 0;
      const { rows } = await getPool().query<Claimed>(CLAIM_SQL, [room]);
      for (const t of rows) {
        const p = scrapeOne(t).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      return rows.length;
    },
    /** Waits for the scrapes under way (graceful stop, and tests). */
    async drain(): Promise<void> {
      while (inFlight.size) await Promise.all(inFlight);
    },
  };
}
