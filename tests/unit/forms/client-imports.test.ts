import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Client components ("use client") are bundled for the browser. ESLint checks
// their direct imports; this follows every import they reach inside the repo
// (the domain schemas forms check with, and what those import), so a schemas
// module that starts importing the database is caught too.

const root = path.resolve(import.meta.dirname, "../../..");
const FORBIDDEN = [
  /^@prisma\//,
  /^pg(-.*)?$/,
  /^@electric-sql\//,
  /^server-only$/,
  /^node:/,
  /(^|\/)lib\/db(\.ts)?$/,
  /(^|\/)lib\/database\//,
  /(^|\/)lib\/generated\/prisma\/client/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The specifiers a module imports at run time: `import type …` and `export type …` are erased, so they are skipped. */
function runtimeImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gms))
    if (!m[1]) found.push(m[2]!);
  for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(root, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Each forbidden import reachable from `entry`, as the chain of files that leads to it. */
function forbiddenReach(entry: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(readFileSync(file, "utf8"))) {
      const local = resolveLocal(file, spec);
      const name = local ? path.relative(root, local).replace(/\.tsx?$/, "") : spec;
      if (FORBIDDEN.some((re) => re.test(name))) problems.push([...chain, path.relative(root, file), spec].join(" → "));
      else if (local && !local.endsWith(".json")) walk(local, [...chain, path.relative(root, file)]);
    }
  };
  walk(entry, []);
  return problems;
}

const clientComponents = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "components"))].filter(
  (f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")),
);

describe("client components", () => {
  it("are found (the walk would pass vacuously otherwise)", () => {
    expect(clientComponents.length).toBeGreaterThan(20);
  });

  it("never reach the database layer, Prisma, pg or Node built-ins, even through the schemas they import", () => {
    expect(clientComponents.flatMap(forbiddenReach)).toEqual([]);
  });
});
