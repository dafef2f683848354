import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db";
import { recordAudit } from "../../../lib/audit/events";
import { systemPrincipal } from "../../../lib/auth/principal";

describe("audit log is append-only in the database", () => {
  it("accepts inserts and rejects UPDATE, DELETE and TRUNCATE from any connection", async () => {
    await db.$transaction((tx) =>
      recordAudit(tx, systemPrincipal, { action: "test.event", target: "thing:1", details: { n: 1 } }),
    );
    const [row] = await db.auditEvent.findMany({ where: { action: "test.event" } });
    expect(row).toBeDefined();

    await expect(
      db.$executeRawUnsafe(`UPDATE "AuditEvent" SET actor = 'someone-else' WHERE id = ${row!.id}`),
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = ${row!.id}`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.update({ where: { id: row!.id }, data: { actor: "x" } })).rejects.toThrow();

    const after = await db.auditEvent.findUnique({ where: { id: row!.id } });
    expect(after?.actor).toBe("system");
  });

  it("rolls back with the change it records", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, systemPrincipal, { action: "test.rolled_back", target: "thing:2" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { action: "test.rolled_back" } })).toBe(0);
  });
});
