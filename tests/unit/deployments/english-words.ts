import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import type { Translate } from "@/lib/i18n/translate";

// The catalogue's English deployments words, so the pure formatting modules
// are tested in the words a reader of the English pages sees.

const messages = {
  deployments: JSON.parse(
    readFileSync(path.join(import.meta.dirname, "../../../messages/en/deployments.json"), "utf8"),
  ) as Record<string, unknown>,
};

/** A translator bound to `deployments.<namespace>`, in English. */
export function english(namespace: string): Translate {
  return createTranslator({ locale: "en", messages, namespace: `deployments.${namespace}` as never }) as Translate;
}
