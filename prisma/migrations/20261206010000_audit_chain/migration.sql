-- Audit log as a hash chain. Each row's `hash` is sha256 over its content and the
-- hash of the row before it in id order (`prevHash`), so a row that is changed,
-- removed or slipped in later breaks a link that lib/audit/chain.ts finds. The
-- database computes it, in a BEFORE INSERT trigger, so every writer is covered:
-- Prisma, raw SQL, other processes. (Prisma cannot express functions or triggers.)

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN "prevHash" TEXT;

-- The hash of one row: lowercase hex sha256 of the UTF-8 text of the JSON array
--   [prevHash, id, at, actor, action, target, details]
-- A JSON array, not joined text, so no field can bleed into its neighbour (an actor
-- ending in the separator). `id` is decimal text; `at` is UTC with microseconds in
-- one fixed format, whatever the session's TimeZone or DateStyle; jsonb's text is
-- canonical (keys sorted, duplicates dropped, no insignificant whitespace).
-- `details` is wrapped in a one-element array so no details (SQL NULL) and a JSON
-- null hash differently. prevHash is null for the first row. pgcrypto is not
-- needed: core sha256(bytea) exists since PostgreSQL 11, on PGlite too.
-- STABLE, not IMMUTABLE: to_char is STABLE (it can read the locale; this format never does).
CREATE FUNCTION "rackmind_audit_hash"(
    prev_hash TEXT, event_id BIGINT, event_at TIMESTAMPTZ, actor TEXT, action TEXT, target TEXT, details JSONB
) RETURNS TEXT
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        prev_hash,
        event_id::text,
        to_char(event_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        actor,
        action,
        target,
        CASE WHEN details IS NULL THEN NULL ELSE jsonb_build_array(details) END
    )::text, 'UTF8')), 'hex')
$$;

-- Backfill the rows written before the chain, in id order. The append-only trigger
-- would reject these UPDATEs: it is off only inside this migration's transaction
-- (ALTER TABLE holds an exclusive lock on the table until it commits, so no other
-- session can change a row meanwhile), and on again before the commit.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";

DO $$
DECLARE
    r RECORD;
    head TEXT := NULL;
BEGIN
    FOR r IN SELECT id, at, actor, action, target, details FROM "AuditEvent" ORDER BY id LOOP
        UPDATE "AuditEvent"
           SET "prevHash" = head,
               hash = "rackmind_audit_hash"(head, r.id, r.at, r.actor, r.action, r.target, r.details)
         WHERE id = r.id
        RETURNING hash INTO head;
    END LOOP;
END;
$$;

ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

-- Links each new row to the newest one. The transaction-scoped advisory lock is held
-- until the writer commits or rolls back, so writers take turns: the id is drawn
-- from the sequence only after the lock (ids follow the lock order, not the order in
-- which the column default drew them, which only wastes a number), and the newest row
-- read here is the newest committed one. Chain order = id order = commit order, and
-- a reader never sees a row whose lower-id predecessor commits later.
--
-- Only READ COMMITTED: each statement in this function then takes a fresh snapshot,
-- after the lock. A REPEATABLE READ or SERIALIZABLE transaction keeps the snapshot of
-- its first statement and could miss a row committed since, forking the chain; such
-- a writer is refused rather than trusted to be lucky. (Rackmind writes in READ
-- COMMITTED, Prisma's and PostgreSQL's default.)
--
-- A plain (not ALWAYS) trigger: with session_replication_role = replica, as a logical
-- replication subscriber applies rows, it does not fire, so replicas keep the ids and
-- hashes they are sent.
CREATE FUNCTION "rackmind_audit_chain"() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    head TEXT;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'AuditEvent rows must be written in a READ COMMITTED transaction, not %',
            current_setting('transaction_isolation')
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'A longer-lived snapshot could miss the newest audit row and fork the hash chain.';
    END IF;
    -- 72700006: any constant not used by another advisory lock (lib/jobs/placement uses 72700005).
    PERFORM pg_advisory_xact_lock(72700006);
    NEW.id := nextval('"AuditEvent_id_seq"');
    SELECT hash INTO head FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
    NEW."prevHash" := head;
    NEW.hash := "rackmind_audit_hash"(head, NEW.id, NEW.at, NEW.actor, NEW.action, NEW.target, NEW.details);
    RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEvent_chain"
    BEFORE INSERT ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "rackmind_audit_chain"();
