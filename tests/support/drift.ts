import pg from "pg";

/** The parts of Prisma's DMMF datamodel that the drift guard compares. */
export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUnique: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  uniqueFields: string[][];
  primaryKey: { fields: string[] } | null;
};
export type Datamodel = {
  models: DmmfModel[];
  enums: { name: string; dbName: string | null; values: { name: string }[] }[];
  indexes?: DmmfIndex[];
};
export type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };

type Column = {
  table_name: string;
  column_name: string;
  is_nullable: "YES" | "NO";
  data_type: string;
  udt_name: string;
  column_default: string | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
};

export type DbShape = {
  columns: Column[];
  enums: Map<string, string[]>;
  /** table → list of [unique?, column list] for every index. */
  indexes: Map<string, { unique: boolean; primary: boolean; columns: string[] }[]>;
  foreignKeys: { table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string }[];
  /** Views of the public schema: their columns are compared, their nullability and indexes are not (a view has neither). */
  views: Set<string>;
};

/** Reads tables, columns, enums, indexes and foreign keys of the public schema. */
export async function readDbShape(url: string): Promise<DbShape> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const columns = (
      await c.query<Column>(`SELECT table_name, column_name, is_nullable, data_type, udt_name, column_default, numeric_precision, numeric_scale, datetime_precision FROM information_schema.columns c
      WHERE table_schema = 'public'
        -- day partitions of a partitioned table are the database's business, not the schema's
        AND NOT EXISTS (SELECT 1 FROM pg_class p JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = 'public' AND p.relname = c.table_name AND p.relispartition)`)
    ).rows;
    const enumRows = (
      await c.query<{ name: string; value: string }>(
        `SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
      )
    ).rows;
    const enums = new Map<string, string[]>();
    for (const r of enumRows) enums.set(r.name, [...(enums.get(r.name) ?? []), r.value]);
    // Partial indexes (WHERE …) are constraints Prisma's schema cannot state, written
    // in a migration on purpose (one unresolved alert per fingerprint): not drift.
    const idxRows = (
      await c.query<{ table: string; unique: boolean; primary: boolean; columns: string[] }>(`
      SELECT t.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
             array_agg(a.attname ORDER BY k.ord)::text[] AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND NOT t.relispartition AND i.indpred IS NULL GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`)
    ).rows;
    const indexes = new Map<string, { unique: boolean; primary: boolean; columns: string[] }[]>();
    for (const r of idxRows)
      indexes.set(r.table, [
        ...(indexes.get(r.table) ?? []),
        { unique: r.unique, primary: r.primary, columns: r.columns },
      ]);
    const foreignKeys = (
      await c.query<{ table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string }>(`
      SELECT cl.relname AS table, rf.relname AS "refTable",
        (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(co.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n) AS columns,
        (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(co.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n) AS "refColumns",
        CASE co.confdeltype WHEN 'a' THEN 'NoAction' WHEN 'r' THEN 'Restrict' WHEN 'c' THEN 'Cascade' WHEN 'n' THEN 'SetNull' WHEN 'd' THEN 'SetDefault' END AS "onDelete"
      FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class rf ON rf.oid = co.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE co.contype = 'f' AND n.nspname = 'public'`)
    ).rows;
    const views = new Set(
      (
        await c.query<{ name: string }>(
          `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'v'`,
        )
      ).rows.map((r) => r.name),
    );
    return { columns, enums, indexes, foreignKeys, views };
  } finally {
    await c.end();
  }
}

// Prisma's default column type per scalar, and per native type attribute (@db.X).
const defaultTypes: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Decimal: "numeric",
  Bytes: "bytea",
};
const nativeTypes: Record<string, string> = {
  Text: "text",
  VarChar: "varchar",
  Uuid: "uuid",
  SmallInt: "int2",
  Integer: "int4",
  BigInt: "int8",
  DoublePrecision: "float8",
  Real: "float4",
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  Decimal: "numeric",
  JsonB: "jsonb",
  Json: "json",
  Boolean: "bool",
  ByteA: "bytea",
};

/** Every difference between the Prisma datamodel and the database; [] when they agree. */
export function compareShapes(dm: Datamodel, db: DbShape): string[] {
  const problems: string[] = [];
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const expectedTables = new Set([...dm.models.map(tableOf), "_prisma_migrations"]);
  const actualTables = new Set(db.columns.map((c) => c.table_name));
  for (const t of actualTables)
    if (!expectedTables.has(t)) problems.push(`table ${t} exists in the database but not in schema.prisma`);
  for (const e of dm.enums) {
    const actual = db.enums.get(e.dbName ?? e.name);
    const expected = e.values.map((v) => v.name);
    if (!actual) problems.push(`enum ${e.name} is missing`);
    else if (actual.join(",") !== expected.join(","))
      problems.push(`enum ${e.name}: database has [${actual}], schema has [${expected}]`);
  }
  for (const model of dm.models) problems.push(...compareModel(model, dm, db));
  return problems;
}

function compareModel(model: DmmfModel, dm: Datamodel, db: DbShape): string[] {
  const problems: string[] = [];
  const table = model.dbName ?? model.name;
  const cols = new Map(db.columns.filter((c) => c.table_name === table).map((c) => [c.column_name, c]));
  if (cols.size === 0) return [`table ${table} (model ${model.name}) is missing`];
  const fields = model.fields.filter((f) => f.kind !== "object");
  const colName = (f: DmmfField) => f.dbName ?? f.name;
  const byName = new Map(fields.map((f) => [f.name, colName(f)]));
  for (const c of cols.keys())
    if (!fields.some((f) => colName(f) === c))
      problems.push(`${table}.${c} exists in the database but not in model ${model.name}`);
  for (const f of fields) {
    const col = cols.get(colName(f));
    const where = `${model.name}.${f.name}`;
    if (!col) {
      problems.push(`${where}: column is missing`);
      continue;
    }
    if (!db.views.has(table) && (col.is_nullable === "NO") !== f.isRequired)
      problems.push(`${where}: nullable in ${col.is_nullable === "YES" ? "database" : "schema"} only`);
    const udt = col.udt_name.replace(/^_/, "");
    const native = f.nativeType?.[0];
    const expected =
      f.kind === "enum"
        ? (dm.enums.find((e) => e.name === f.type)?.dbName ?? f.type)
        : native
          ? nativeTypes[native]
          : defaultTypes[f.type];
    if (udt !== expected)
      problems.push(
        `${where}: database type ${udt}, schema expects ${expected ?? `an unmapped type (${f.type} ${native ?? ""})`}`,
      );
    if (f.isList !== col.udt_name.startsWith("_")) problems.push(`${where}: list-ness differs`);
    const precision = f.nativeType?.[1]?.map(Number);
    if (
      native === "Decimal" &&
      precision &&
      (col.numeric_precision !== precision[0] || col.numeric_scale !== precision[1])
    ) {
      problems.push(
        `${where}: decimal(${col.numeric_precision},${col.numeric_scale}) in database, (${precision}) in schema`,
      );
    }
    if (!db.views.has(table) && f.hasDefaultValue !== (col.column_default !== null))
      problems.push(`${where}: default ${f.hasDefaultValue ? "missing in database" : "only in database"}`);
  }
  if (!db.views.has(table)) problems.push(...compareIndexes(model, table, byName, dm, db));
  problems.push(...compareForeignKeys(model, table, dm, db));
  return problems;
}

function compareIndexes(
  model: DmmfModel,
  table: string,
  byName: Map<string, string>,
  dm: Datamodel,
  db: DbShape,
): string[] {
  const actual = db.indexes.get(table) ?? [];
  const has = (cols: string[], kind: "primary" | "unique" | "normal") =>
    actual.some(
      (i) =>
        i.columns.join(",") === cols.join(",") &&
        (kind === "primary" ? i.primary : kind === "unique" ? i.unique && !i.primary : !i.unique),
    );
  const expected: { cols: string[]; kind: "primary" | "unique" | "normal" }[] = [];
  for (const idx of dm.indexes?.filter((i) => i.model === model.name) ?? []) {
    if (idx.type === "fulltext") continue;
    expected.push({
      cols: idx.fields.map((f) => byName.get(f.name) ?? f.name),
      kind: idx.type === "id" ? "primary" : idx.type,
    });
  }
  const problems = expected
    .filter((e) => !has(e.cols, e.kind))
    .map((e) => `${table}: ${e.kind} index on (${e.cols}) is missing`);
  for (const i of actual) {
    const kind = i.primary ? "primary" : i.unique ? "unique" : "normal";
    if (!expected.some((e) => e.kind === kind && e.cols.join(",") === i.columns.join(","))) {
      problems.push(`${table}: ${kind} index on (${i.columns}) is not in schema.prisma`);
    }
  }
  return problems;
}

function compareForeignKeys(model: DmmfModel, table: string, dm: Datamodel, db: DbShape): string[] {
  const problems: string[] = [];
  const expected = model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length);
  for (const f of expected) {
    const target = dm.models.find((m) => m.name === f.type)!;
    const fk = db.foreignKeys.find((k) => k.table === table && k.columns.join(",") === f.relationFromFields!.join(","));
    if (!fk) {
      problems.push(`${model.name}.${f.name}: foreign key missing`);
      continue;
    }
    if (fk.refTable !== (target.dbName ?? target.name) || fk.refColumns.join(",") !== f.relationToFields!.join(","))
      problems.push(`${model.name}.${f.name}: foreign key points elsewhere`);
    const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
    if (fk.onDelete !== onDelete)
      problems.push(`${model.name}.${f.name}: ON DELETE ${fk.onDelete} in database, ${onDelete} in schema`);
  }
  const known = expected.length;
  const actual = db.foreignKeys.filter((k) => k.table === table).length;
  if (actual !== known) problems.push(`${table}: ${actual} foreign keys in database, ${known} in schema`);
  return problems;
}
