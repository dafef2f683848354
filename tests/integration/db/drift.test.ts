import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareShapes, readDbShape, type Datamodel, type DbShape } from "../../support/drift";

// Prisma's datamodel as `prisma generate` sees schema.prisma (prisma/generators/datamodel.cjs).
const datamodel = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../../lib/generated/datamodel.json"), "utf8"),
) as Datamodel;

describe("drift guard: migrations vs schema.prisma", () => {
  let shape: DbShape;
  beforeAll(async () => {
    // integration-setup.ts gave this file a fresh database with every migration applied.
    shape = await readDbShape(process.env.DATABASE_URL!);
  });

  it("the migrated database has every model, field, type, nullability, default, index and foreign key of the schema, and nothing else", () => {
    expect(compareShapes(datamodel, shape)).toEqual([]);
  });

  it("notices a column the schema does not have", () => {
    // A column of a model's table (information_schema lists columns in no fixed order).
    const serverColumn = shape.columns.find((c) => c.table_name === "Server")!;
    const extra = { ...shape, columns: [...shape.columns, { ...serverColumn, column_name: "sneaky" }] };
    expect(compareShapes(datamodel, extra).join("\n")).toMatch(/sneaky exists in the database but not in model/);
  });

  it("notices a nullability difference and a missing unique index", () => {
    const columns = shape.columns.map((c) =>
      c.table_name === "Server" && c.column_name === "hostname" ? { ...c, is_nullable: "YES" as const } : c,
    );
    const indexes = new Map(shape.indexes);
    indexes.set(
      "Server",
      (indexes.get("Server") ?? []).filter((i) => i.columns.join() !== "hostname"),
    );
    const problems = compareShapes(datamodel, { ...shape, columns, indexes }).join("\n");
    expect(problems).toMatch(/Server\.hostname: nullable in database only/);
    expect(problems).toMatch(/Server: unique index on \(hostname\) is missing/);
  });
});

afterAll(() => undefined);
