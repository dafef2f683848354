import type pg from "pg";

// dcgm field name → TelemetryField.id. Ids never change once given, so the
// cache never goes stale; unknown names are registered on first sight.
const ids = new Map<string, number>();

/** Ids for these field names, registering new ones. */
export async function resolveFieldIds(pool: pg.Pool, names: Iterable<string>): Promise<Map<string, number>> {
  const missing = [...new Set(names)].filter((n) => !ids.has(n));
  if (missing.length) {
    await pool.query(`INSERT INTO "TelemetryField" (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [
      missing,
    ]);
    const { rows } = await pool.query<{ id: number; name: string }>(
      `SELECT id, name FROM "TelemetryField" WHERE name = ANY($1::text[])`,
      [missing],
    );
    for (const r of rows) ids.set(r.name, r.id);
  }
  return ids;
}

/** The id of one field, or null when no sample of it was ever stored. */
export async function findFieldId(pool: pg.Pool, name: string): Promise<number | null> {
  const cached = ids.get(name);
  if (cached !== undefined) return cached;
  const { rows } = await pool.query<{ id: number }>(`SELECT id FROM "TelemetryField" WHERE name = $1`, [name]);
  if (rows[0]) ids.set(name, rows[0].id);
  return rows[0]?.id ?? null;
}

export function forgetFieldIds(): void {
  ids.clear();
}
