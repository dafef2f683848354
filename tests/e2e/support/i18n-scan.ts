import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Page } from "@playwright/test";
import { needsTranslation } from "../../unit/i18n/jsx-literals";
import { repoRoot } from "./state";
import { expect } from "./test";

// The scan behind "no English user-facing string left": the English text of
// every catalogue message that Chinese says differently, looked for in what a
// reader sees or hears on a page shown in Chinese.

/** Every namespace of the catalogue: a page may draw from any of them. */
const NAMESPACES = readdirSync(path.join(repoRoot, "messages", "en"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length));

/**
 * English fragments that may stand on a Chinese page on purpose. Words that
 * are the same in both languages (GPU, PUE, kWh) are skipped anyway, because
 * their Chinese message is identical or they are units, and stored prose
 * (alert summaries, reasons; marked data-stored-text) is not scanned.
 */
const ALLOWED_ENGLISH = new Set<string>([
  // The demo user this spec signs in as is called "viewer", which is also the English name of its role.
  "viewer",
  // The other demo users are named after their roles too: "admin" (signed in as, in the top bar, and in
  // actors such as user:admin on the Audit page) and "operator", both listed on Admin → Users.
  "admin",
  "operator",
]);

type Tree = { [key: string]: string | Tree };

const read = (locale: string, ns: string): Tree =>
  JSON.parse(readFileSync(path.join(repoRoot, "messages", locale, `${ns}.json`), "utf8"));

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

function literalPieces(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((el) => {
    if (el.type === TYPE.literal) return [el.value];
    if (el.type === TYPE.tag) return literalPieces(el.children);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      return Object.values(el.options).flatMap((o) => literalPieces(o.value));
    return [];
  });
}

/** The English text of every message that Chinese says differently, as the fragments a page would show. */
export function englishFragments(): string[] {
  const out = new Set<string>();
  for (const ns of NAMESPACES) {
    const zh = new Map(leaves(read("zh-CN", ns)));
    for (const [key, english] of leaves(read("en", ns))) {
      if (zh.get(key) === english) continue;
      for (const piece of literalPieces(parse(english)))
        for (const part of piece.split(/[()·:,.;]/)) {
          const fragment = part.trim();
          // A fragment worth looking for has a word of letters: not "e" of "e.g.", not an example like "ams1-r03".
          const hasWord = (fragment.match(/[\p{L}\p{N}-]+/gu) ?? []).some((w) => /^\p{L}{2,}$/u.test(w));
          if (hasWord && needsTranslation(fragment) && !ALLOWED_ENGLISH.has(fragment)) out.add(fragment);
        }
    }
  }
  return [...out];
}

/**
 * What a reader sees or hears: text nodes and aria-label/title, minus stored
 * prose (data-stored-text) and what is the same in every language by its
 * nature, marked with HTML's translate="no" (commands, identifiers, code samples).
 */
export function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const isStored = (node: Node | null) =>
      !!(node instanceof Element ? node : node?.parentElement)?.closest('[data-stored-text], [translate="no"]');
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!isStored(node) && node.parentElement?.closest("script, style") === null && node.textContent?.trim())
        texts.push(node.textContent.trim());
    for (const el of document.body.querySelectorAll("[aria-label], [title]"))
      if (!isStored(el)) texts.push(el.getAttribute("aria-label") ?? "", el.getAttribute("title") ?? "");
    return texts.filter(Boolean);
  });
}

export function englishOn(texts: string[], fragments: string[]): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return fragments.filter((f) => {
    // A fragment glued to "-", "_" or a ":" without a space is part of an identifier
    // (e2e-locked, gpu_failed, model:fraud, user:admin), not prose.
    // Letters glued to digits are an identifier too (a hash such as …6add5f…, "e2e").
    const word = new RegExp(`(^|[^\\p{L}\\p{N}_-])(?<!\\S:)${escape(f)}(?!:\\S)($|[^\\p{L}\\p{N}_-])`, "u");
    return texts.some((t) => word.test(t));
  });
}

/** Fails with the English fragments found on the page (in Chinese), by URL. */
export async function expectNoEnglish(page: Page, fragments: string[], where = page.url()): Promise<void> {
  expect(englishOn(await readableText(page), fragments), where).toEqual([]);
}
