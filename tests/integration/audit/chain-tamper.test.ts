import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import * as verify from "../../../app/api/v1/audit/verify/route";
import { verifyAuditChain } from "../../../lib/audit/chain";
import { recordAudit } from "../../../lib/audit/events";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { tamperWithAudit } from "../../support/audit-tamper";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

// Each test tampers with an earlier row than the one before it, so the chain's
// first bad row moves back each time and each finding is the new tampering's.

let token: Awaited<ReturnType<typeof tokensByRole>>;
let ids: bigint[];
beforeAll(async () => {
  token = await tokensByRole();
  for (let i = 0; i < 40; i++) {
    await db.$transaction((tx) =>
      recordAudit(tx, systemPrincipal, { action: "test.event", target: `thing:${i}`, details: { i } }),
    );
  }
  ids = (await db.auditEvent.findMany({ where: { action: "test.event" }, orderBy: { id: "asc" } })).map((r) => r.id);
});

const rowsUpTo = (id: bigint) => db.auditEvent.count({ where: { id: { lte: id } } });
const root = path.resolve(import.meta.dirname, "../../..");

/** `npm run audit:verify` against this file's database: its exit code and its one JSON line. */
async function runVerifyScript(): Promise<{ code: number; report: Record<string, unknown> }> {
  const args = ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/audit-verify.ts")];
  const env = { ...process.env, LOG_LEVEL: "silent" };
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, env });
    return { code: 0, report: JSON.parse(stdout) };
  } catch (err) {
    const failed = err as { code: number; stdout: string };
    return { code: failed.code, report: JSON.parse(failed.stdout) };
  }
}

describe("the chain check finds what a superuser did behind Rackmind's back", () => {
  it("passes a log whose newest row was cut off, with the head one row back (only a head noted elsewhere shows it)", async () => {
    const before = await verifyAuditChain();
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await db.$transaction((tx) => recordAudit(tx, systemPrincipal, { action: "test.tail", target: "thing:tail" }));
    await tamperWithAudit(`DELETE FROM "AuditEvent" WHERE action = 'test.tail'`);
    const after = await verifyAuditChain();
    expect(after).toEqual({ ...before, headId: last.id.toString(), headHash: last.hash });
  });

  it("reports ok and exits 0 from npm run audit:verify while the log is untouched", async () => {
    const { code, report } = await runVerifyScript();
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, firstBadId: null, checked: await db.auditEvent.count() });
  }, 60_000);

  it("finds a row whose details were changed, with that row's id as firstBadId", async () => {
    const changed = ids[30]!;
    await tamperWithAudit(
      `UPDATE "AuditEvent" SET details = '{"i": -1}' WHERE id = $1`,
      [changed.toString()],
      "disable",
    );
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: false, firstBadId: changed.toString(), checked: await rowsUpTo(changed) });
    expect(report.reason).toMatch(/content does not match its hash/);
    expect(report.headId).toBe(ids[29]!.toString());
    // Wherever the batches happen to start and end.
    for (const batchSize of [1, 7, 30])
      expect((await verifyAuditChain({ batchSize })).firstBadId).toBe(changed.toString());

    const res = await call(verify.GET, { token: token.admin, path: "/api/v1/audit/verify" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, firstBadId: changed.toString() });
  });

  it("exits 1 from npm run audit:verify with the bad row in its JSON line", async () => {
    const { code, report } = await runVerifyScript();
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, firstBadId: ids[30]!.toString() });
  }, 60_000);

  it("finds a row deleted from the middle, at the row after the gap", async () => {
    await tamperWithAudit(`DELETE FROM "AuditEvent" WHERE id = $1`, [ids[20]!.toString()]);
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: false, firstBadId: ids[21]!.toString() });
    expect(report.reason).toMatch(/prevHash does not match the previous row's hash/);
    expect((await verifyAuditChain({ batchSize: 1 })).firstBadId).toBe(ids[21]!.toString());
  });

  it("finds a changed row whose hash was recomputed too, at the next row's link", async () => {
    await tamperWithAudit(
      `UPDATE "AuditEvent" SET details = '{"i": 1000}',
         hash = "rackmind_audit_hash"("prevHash", id, at, actor, action, target, '{"i": 1000}')
       WHERE id = $1`,
      [ids[10]!.toString()],
    );
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: false, firstBadId: ids[11]!.toString() });
    expect(report.reason).toMatch(/prevHash/);
  });

  it("finds a row slipped in before the first one, even with a low id and a correct hash of its own", async () => {
    const first = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
    await tamperWithAudit(
      `INSERT INTO "AuditEvent" (id, at, actor, action, target, hash, "prevHash")
       VALUES (-5, '2026-01-01T00:00:00.123Z', 'system', 'test.forged', 'thing:x',
               "rackmind_audit_hash"(NULL, -5, '2026-01-01T00:00:00.123Z', 'system', 'test.forged', 'thing:x', NULL), NULL)`,
    );
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: false, firstBadId: first.id.toString(), checked: 2, headId: "-5" });
  });
});
