import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findKeyUses, findLiterals, needsTranslation } from "./jsx-literals";

// Components render words from the catalogue (messages/), never as literals.
// Files not converted yet are listed in i18n/untranslated-files.txt; the list
// only shrinks: a listed file without literals fails too, so it is taken off
// when it is converted. See README "Languages".

const repo = path.join(import.meta.dirname, "../../..");
const ALLOWLIST = path.join(repo, "i18n/untranslated-files.txt");

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".tsx"))
    .map((e) => path.relative(repo, path.join(e.parentPath, e.name)))
    .sort();
}

const files = [...tsxFiles("app"), ...tsxFiles("components")];
const allowlisted = readFileSync(ALLOWLIST, "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("#"));
const literalsOf = new Map(files.map((f) => [f, findLiterals(f, readFileSync(path.join(repo, f), "utf8"))]));

describe("user-facing strings", () => {
  it("come from the catalogue in every file not on the allowlist", () => {
    const offenders = files
      .filter((f) => !allowlisted.includes(f))
      .flatMap((f) => literalsOf.get(f)!.map((l) => `${f}:${l.line}: ${l.text}`));
    expect(offenders).toEqual([]);
  });

  it("are still literal in every allowlisted file (take a converted file off the list)", () => {
    const converted = allowlisted.filter((f) => !literalsOf.has(f) || literalsOf.get(f)!.length === 0);
    expect(converted).toEqual([]);
  });

  it("keep the allowlist sorted and free of duplicates", () => {
    expect(allowlisted).toEqual([...new Set(allowlisted)].sort());
  });

  it("are found by the scan: text, user-facing attributes and expression values, not codes or keys", () => {
    const literals = findLiterals(
      "example.tsx",
      `export const A = ({ ok, t }) => (
        <div className="grid gap-2" data-testid="panel" aria-label="Main menu">
          Hello there
          <Badge tone={ok ? "good" : "bad"} title={ok ? "All good" : t("bad")} />
          <p>{ok ? "Yes" : t("no")}</p>
          <p>{t("only.keys")} · 12 kW · {42} GPU</p>
          <p>{\`\${3} items\`}</p>
        </div>
      );`,
    ).map((l) => l.text);
    expect(literals).toEqual(["Main menu", "Hello there", "All good", "Yes", "items"]);
    expect(needsTranslation("12 kW")).toBe(false);
    expect(needsTranslation("v0.1.0")).toBe(true);
  });
});

describe("catalogue keys used by components", () => {
  const en = readdirSync(path.join(repo, "messages/en")).reduce<Record<string, unknown>>((all, file) => {
    all[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(path.join(repo, "messages/en", file), "utf8"));
    return all;
  }, {});
  const lookup = (key: string) =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);

  it("exist in the catalogue (a typo would show the reader a raw key)", () => {
    const missing = files.flatMap((f) =>
      findKeyUses(f, readFileSync(path.join(repo, f), "utf8"))
        .filter((u) => (u.isPrefix ? typeof lookup(u.key) !== "object" : typeof lookup(u.key) !== "string"))
        .map((u) => `${f}:${u.line}: ${u.key}`),
    );
    expect(missing).toEqual([]);
  });
});
