import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The rooms' import rules (eslint.config.mjs) as a reader would state them,
// each checked against code that breaks it and code that keeps it, so a
// config change that silently stops enforcing a rule fails here.

const root = path.resolve(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `file` (relative to the root). */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("import boundaries", () => {
  it("keeps lib/ from reaching up into pages, components or the worker", async () => {
    expect(
      await violations(
        "lib/inventory/zz.ts",
        'import { GET } from "../../app/api/health/route";\nexport const x = GET;\n',
      ),
    ).toContain("boundaries/dependencies");
    expect(
      await violations(
        "lib/inventory/zz.ts",
        'import { Card } from "../../components/ui/card";\nexport const x = Card;\n',
      ),
    ).toContain("boundaries/dependencies");
    expect(
      await violations("lib/inventory/zz.ts", 'import { AppError } from "../errors";\nexport const x = AppError;\n'),
    ).toEqual([]);
  }, 60_000);

  it("keeps TF.js and the worker out of pages and components", async () => {
    expect(
      await violations("app/zz/page.tsx", 'import * as tf from "@tensorflow/tfjs";\nexport const x = tf;\n'),
    ).toContain("no-restricted-imports");
    expect(
      await violations("components/zz.tsx", 'import { x } from "@/worker/main";\nexport const y = x;\n'),
    ).toContain("no-restricted-imports");
  }, 60_000);

  it("keeps the database out of client components, and allows it in server components", async () => {
    const code = 'import { db } from "@/lib/db";\nexport const x = db;\n';
    expect(await violations("components/zz.tsx", `"use client";\n${code}`)).toContain("rackmind/client-imports");
    expect(
      await violations("app/zz/_components/form.tsx", `"use client";\nimport pg from "pg";\nexport const x = pg;\n`),
    ).toContain("rackmind/client-imports");
    expect(await violations("app/zz/page.tsx", code)).toEqual([]);
  }, 60_000);

  it("lets the serving data plane use lib/ but not the web app", async () => {
    expect(
      await violations("serving/zz.ts", 'import { AppError } from "../lib/errors";\nexport const x = AppError;\n'),
    ).toEqual([]);
    expect(
      await violations("serving/zz.ts", 'import { GET } from "../app/api/health/route";\nexport const x = GET;\n'),
    ).toContain("boundaries/dependencies");
  }, 60_000);
});
