import { db } from "../db";
import type { AuditChainReport } from "./schemas";

/** Rows per batch: small enough for one quick query, large enough that a million rows is 200 round trips. */
export const CHAIN_BATCH_SIZE = 5_000;

type BatchRow = {
  checked: number;
  lastId: string | null;
  lastHash: string | null;
  /** The first row of the batch that fails a check: which checks, and how many rows of the batch came before it. */
  bad: {
    id: string;
    before: number;
    prevId: string | null;
    prevHash: string | null;
    content: boolean;
    link: boolean;
  } | null;
};

// One keyset page in id order, each row checked twice: its content against its own
// hash (rackmind_audit_hash, the function the insert trigger uses), and its
// prevHash against the hash of the row before it: LAG within the page, the
// previous page's last hash ($2) for the page's first row (null before the first
// row of all). The LIMIT is inside, so the window only ever sees one page.
const BATCH_SQL = `
WITH page AS (
  SELECT id, at, actor, action, target, details, hash, "prevHash"
  FROM "AuditEvent" WHERE id > $1::bigint ORDER BY id LIMIT $3
), checked AS (
  SELECT id, hash,
    row_number() OVER w - 1 AS before,
    LAG(id) OVER w AS prev_id,
    COALESCE(LAG(hash) OVER w, $2::text) AS prev_hash,
    hash IS DISTINCT FROM "rackmind_audit_hash"("prevHash", id, at, actor, action, target, details) AS content_bad,
    "prevHash" IS DISTINCT FROM COALESCE(LAG(hash) OVER w, $2::text) AS link_bad
  FROM page WINDOW w AS (ORDER BY id)
)
SELECT
  (SELECT count(*)::int FROM checked) AS "checked",
  (SELECT max(id)::text FROM checked) AS "lastId",
  (SELECT hash FROM checked ORDER BY id DESC LIMIT 1) AS "lastHash",
  (SELECT json_build_object('id', id::text, 'before', before, 'prevId', prev_id::text, 'prevHash', prev_hash,
                            'content', content_bad, 'link', link_bad)
     FROM checked WHERE content_bad OR link_bad ORDER BY id LIMIT 1) AS "bad"`;

function reasonFor(bad: NonNullable<BatchRow["bad"]>): string {
  const what = [
    bad.content && "its content does not match its hash (the row was changed after it was written)",
    bad.link &&
      "its prevHash does not match the previous row's hash (a row before it was removed, or it was written around the chain)",
  ].filter(Boolean);
  return what.join("; and ");
}

/**
 * Recomputes the audit hash chain in id order, in keyset batches, and stops at
 * the first row that fails. `checked` counts the rows examined (up to and
 * including a bad one); `headId`/`headHash` are the last row that passed, the
 * value to note down elsewhere: a chain whose tail was cut off, or rewritten
 * wholesale by someone who can also recompute hashes, is only caught by
 * comparing with a head recorded outside the database.
 *
 * Rows appended while it runs are checked too (the log is append-only and ids
 * follow commit order, so later batches only ever see the chain grow).
 */
export async function verifyAuditChain(opts: { batchSize?: number } = {}): Promise<AuditChainReport> {
  const batchSize = opts.batchSize ?? CHAIN_BATCH_SIZE;
  // From the lowest bigint, not 1: a row slipped in with a hand-picked id ≤ 0 is checked too.
  let after = "-9223372036854775808";
  let headHash: string | null = null;
  let headId: string | null = null;
  let checked = 0;
  for (;;) {
    const [batch]: BatchRow[] = await db.$queryRawUnsafe<BatchRow[]>(BATCH_SQL, after, headHash, batchSize);
    const bad = batch?.bad ?? null;
    if (bad) {
      return {
        ok: false,
        checked: checked + bad.before + 1,
        firstBadId: bad.id,
        // The last row that passed: earlier in this batch, or the previous batch's last.
        headId: bad.before > 0 ? bad.prevId : headId,
        headHash: bad.before > 0 ? bad.prevHash : headHash,
        reason: reasonFor(bad),
      };
    }
    if (!batch || batch.checked === 0) return { ok: true, checked, firstBadId: null, headId, headHash };
    checked += batch.checked;
    after = headId = batch.lastId!;
    headHash = batch.lastHash;
    if (batch.checked < batchSize) return { ok: true, checked, firstBadId: null, headId, headHash };
  }
}
