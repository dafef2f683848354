import { createHash } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import * as verify from "../../../app/api/v1/audit/verify/route";
import { verifyAuditChain } from "../../../lib/audit/chain";
import { recordAudit } from "../../../lib/audit/events";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let token: Awaited<ReturnType<typeof tokensByRole>>;
beforeAll(async () => {
  token = await tokensByRole();
});

const chainOf = () =>
  db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, hash: true, prevHash: true } });

describe("the audit hash chain", () => {
  it("links rows written by concurrent transactions, from Prisma and raw SQL, into one chain", async () => {
    const viaPrisma = Array.from({ length: 12 }, (_, i) =>
      db.$transaction(async (tx) => {
        await recordAudit(tx, systemPrincipal, { action: "test.concurrent", target: `thing:p${i}` });
        await recordAudit(tx, systemPrincipal, { action: "test.concurrent", target: `thing:p${i}/child` });
      }),
    );
    // Raw connections that hold their transaction open after inserting: a second
    // writer must wait for the first to commit, or it would link to a stale head.
    const viaSql = Array.from({ length: 6 }, async (_, i) => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try {
        await c.query("BEGIN");
        await c.query(
          `INSERT INTO "AuditEvent" (actor, action, target, hash, "prevHash") VALUES ('system', 'test.concurrent', $1, 'forged', 'forged')`,
          [`thing:s${i}`],
        );
        await c.query("SELECT pg_sleep(0.02)");
        await c.query("COMMIT");
      } finally {
        await c.end();
      }
    });
    await Promise.all([...viaPrisma, ...viaSql]);

    const rows = await chainOf();
    expect(await db.auditEvent.count({ where: { action: "test.concurrent" } })).toBe(30);
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash, `row #${rows[i]!.id}`).toBe(rows[i - 1]!.hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    // What the writer sent for hash and prevHash does not matter: the trigger sets both.
    expect(rows.some((r) => r.hash === "forged")).toBe(false);
  });

  it("says ok on an untouched log, with every row checked and the newest row as head", async () => {
    const rows = await chainOf();
    const report = await verifyAuditChain();
    expect(report).toEqual({
      ok: true,
      checked: rows.length,
      firstBadId: null,
      headId: rows.at(-1)!.id.toString(),
      headHash: rows.at(-1)!.hash,
    });
    // Batch boundaries are invisible: a batch of 1 and of 7 give the same answer.
    expect(await verifyAuditChain({ batchSize: 1 })).toEqual(report);
    expect(await verifyAuditChain({ batchSize: 7 })).toEqual(report);
  });

  it("hashes the documented canonical text, so anyone can recompute it outside the database", async () => {
    await db.$transaction((tx) =>
      recordAudit(tx, systemPrincipal, {
        action: "test.canonical",
        target: "thing:é",
        details: { z: 1, a: ["x", null], 'quote"d': 1.5 },
      }),
    );
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: "test.canonical" } });
    const at = `${row.at.toISOString().slice(0, -1)}000Z`; // microseconds, UTC
    // jsonb's text: keys sorted by length then bytes, ", " and ": " separators.
    const canonical = `["${row.prevHash}", "${row.id}", "${at}", "system", "test.canonical", "thing:é", [{"a": ["x", null], "z": 1, "quote\\"d": 1.5}]]`;
    expect(row.hash).toBe(createHash("sha256").update(canonical, "utf8").digest("hex"));
  });

  it("refuses a writer in a REPEATABLE READ transaction, whose snapshot could miss the newest row", async () => {
    await expect(
      db.$transaction(
        (tx) => recordAudit(tx, systemPrincipal, { action: "test.repeatable_read", target: "thing:rr" }),
        { isolationLevel: "RepeatableRead" },
      ),
    ).rejects.toThrow(/READ COMMITTED/);
    expect(await db.auditEvent.count({ where: { action: "test.repeatable_read" } })).toBe(0);
  });
});

describe("GET /api/v1/audit/verify", () => {
  it("is for admins: 401 without a token, 403 for an operator, 200 with the verdict for an admin", async () => {
    expect((await call(verify.GET, { path: "/api/v1/audit/verify" })).status).toBe(401);
    const refused = await call(verify.GET, { token: token.operator, path: "/api/v1/audit/verify" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    const res = await call(verify.GET, { token: token.admin, path: "/api/v1/audit/verify" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      checked: await db.auditEvent.count(),
      firstBadId: null,
      headId: expect.stringMatching(/^\d+$/),
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
