import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";

// The catalogue: messages/<locale>/<namespace>.json, one file per namespace,
// merged here into one object keyed by namespace. Read from disk rather than
// imported so that a new namespace is a new file and nothing else (no list
// of imports for two engineers to edit at once).

export type Messages = Record<string, Record<string, unknown>>;

export const MESSAGES_DIR = path.join(process.cwd(), "messages");

const cache = new Map<Locale, Messages>();

/** Every namespace of `locale`, read from `dir` (the repository's messages/ by default). */
export function readMessages(locale: Locale, dir = MESSAGES_DIR): Messages {
  const folder = path.join(dir, locale);
  const messages: Messages = {};
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(folder, file), "utf8"));
  }
  return messages;
}

/** `locale`'s catalogue; read once per process in production, on every request in development (edits show at once). */
export function loadMessages(locale: Locale): Messages {
  if (process.env.NODE_ENV === "development") return readMessages(locale);
  let messages = cache.get(locale);
  if (!messages) cache.set(locale, (messages = readMessages(locale)));
  return messages;
}
