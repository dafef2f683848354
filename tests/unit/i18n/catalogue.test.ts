import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { locales } from "../../../lib/i18n/locales";

// The catalogue in messages/<locale>/<namespace>.json: every language has the
// same namespaces and keys, every message is valid ICU, and a message's
// placeholders ({count}, <strong>…</strong>) are the same in every language,
// so no reader ever sees a raw key or an unfilled "{count}".

const root = path.join(import.meta.dirname, "../../../messages");

type Flat = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Flat, problems: string[]): Flat {
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object" && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, problems);
  else problems.push(`${prefix}: neither a message nor a group of messages`);
  return out;
}

function catalogue(locale: string, problems: string[]): Flat {
  const out: Flat = new Map();
  for (const file of readdirSync(path.join(root, locale))
    .filter((f) => f.endsWith(".json"))
    .sort())
    flatten(JSON.parse(readFileSync(path.join(root, locale, file), "utf8")), file.slice(0, -5), out, problems);
  return out;
}

/** The names a message fills in: arguments ({x}, {n, plural, …}) and rich-text tags (<b>…</b>). */
function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      out.add(`<${el.value}>`);
      placeholders(el.children, out);
      continue;
    }
    out.add(`{${el.value}}`);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) placeholders(option.value, out);
  }
  return out;
}

const problems: string[] = [];
const catalogues = Object.fromEntries(locales.map((l) => [l, catalogue(l, problems)]));
const en = catalogues.en!;

describe("the message catalogue", () => {
  it("holds only messages and groups of messages", () => {
    expect(problems).toEqual([]);
  });

  it("has the same namespaces in every language", () => {
    const files = (l: string) =>
      readdirSync(path.join(root, l))
        .filter((f) => f.endsWith(".json"))
        .sort();
    for (const l of locales) expect(files(l), l).toEqual(files("en"));
  });

  it.each(locales.filter((l) => l !== "en"))("has every English key in %s and no key English lacks", (locale) => {
    const other = catalogues[locale]!;
    expect(
      [...en.keys()].filter((k) => !other.has(k)),
      `missing in ${locale}`,
    ).toEqual([]);
    expect(
      [...other.keys()].filter((k) => !en.has(k)),
      `only in ${locale}`,
    ).toEqual([]);
  });

  it("has only valid ICU messages, with the same placeholders in every language", () => {
    const mismatches: string[] = [];
    for (const [key, english] of en) {
      const expected = [...placeholders(parse(english))].sort();
      for (const l of locales) {
        const message = catalogues[l]!.get(key);
        if (message === undefined) continue;
        const actual = [...placeholders(parse(message))].sort();
        if (actual.join() !== expected.join())
          mismatches.push(`${l} ${key}: ${actual.join(" ") || "none"} (en: ${expected.join(" ") || "none"})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("leaves no message empty", () => {
    const empty = locales.flatMap((l) =>
      [...catalogues[l]!].filter(([, m]) => m.trim() === "").map(([k]) => `${l} ${k}`),
    );
    expect(empty).toEqual([]);
  });
});
