import pg from "pg";

/**
 * What someone with the database's superuser can do behind Rackmind's back:
 * run `sql` on a raw connection with the table's triggers out of the way.
 * `replica` sets session_replication_role (no ordinary trigger fires in this
 * session); `disable` turns the table's user triggers off with ALTER TABLE and
 * on again afterwards. Either way the append-only and chain triggers are
 * bypassed, which only a superuser or the table's owner can do.
 */
export async function tamperWithAudit(
  sql: string,
  params: unknown[] = [],
  how: "replica" | "disable" = "replica",
): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    if (how === "replica") {
      await c.query("SET session_replication_role = replica");
      await c.query(sql, params);
      await c.query("SET session_replication_role = DEFAULT");
    } else {
      await c.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      try {
        await c.query(sql, params);
      } finally {
        await c.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
      }
    }
  } finally {
    await c.end();
  }
}
