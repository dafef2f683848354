import { createTranslator } from "next-intl";
import type { z } from "zod";
import type { Translate } from "@/lib/i18n/translate";
import englishForms from "@/messages/en/forms.json";

// Client forms check what they are about to send with the same zod schema the
// API parses with, so a bad value is named beside its field without a round
// trip. The API still validates everything; this only answers sooner.

/** The first message per form field; "" holds issues that belong to no field. */
export type FieldErrors = Partial<Record<string, string>>;

export type Checked<T> =
  { ok: true; data: T } | { ok: false; errors: FieldErrors; messages: { path: PropertyKey[]; message: string }[] };

/** Which form field an issue belongs to, from its path. */
export type FieldOf = (path: PropertyKey[]) => string;

/**
 * How checkInput names a refused value: a translator for the catalogue's
 * "forms.wording" (useFormWording() in a client island). Without one the
 * wording is the English catalogue's, for callers not converted yet and tests.
 */
export type CheckOptions = { fieldOf?: FieldOf; wording?: Translate };

// The English catalogue's wording, for callers that pass none.
const englishTranslator = createTranslator({ locale: "en", messages: { forms: englishForms }, namespace: "forms" });
const englishWording: Translate = (key, values) =>
  englishTranslator(`wording.${key}` as Parameters<typeof englishTranslator>[0], values);

const isBlank = (input: unknown) => input === undefined || input === null || input === "";

function size(t: Translate, origin: string, n: number | bigint): string {
  if (origin === "string") return t("characters", { count: Number(n) });
  if (origin === "array" || origin === "set") return t("items", { count: Number(n) });
  // A string, not a number: the limit reads exactly as the schema states it ("10000", not "10,000").
  return String(n);
}

/**
 * zod's own wording for the checks a schema states without a message
 * ("Too small: expected string to have >=1 characters"), said the way the
 * dashboard speaks, in the reader's language. A message the schema gives
 * itself always wins: zod ranks a schema's message above a per-parse map.
 */
function fieldWording(t: Translate): z.core.$ZodErrorMap {
  return (issue) => {
    switch (issue.code) {
      case "invalid_type":
        if (isBlank(issue.input)) return t("required");
        if (issue.expected === "int") return t("wholeNumber");
        return issue.expected === "number" ? t("number") : undefined;
      case "too_small":
        if (issue.origin === "string" && Number(issue.minimum) === 1) return t("required");
        return t(issue.inclusive === false ? "moreThan" : "atLeast", { size: size(t, issue.origin, issue.minimum) });
      case "too_big":
        return t(issue.inclusive === false ? "lessThan" : "atMost", { size: size(t, issue.origin, issue.maximum) });
      case "invalid_value":
        return t("oneOf", { values: issue.values.map(String).join(", ") });
      case "unrecognized_keys":
        return t("notAField", { keys: issue.keys.join(", ") });
      default:
        return undefined;
    }
  };
}

/** By default an issue belongs to the field named by its path's first key. */
const firstKey: FieldOf = (path) => String(path[0] ?? "");

/**
 * Parses `value` with the domain's `schema` before it is sent. On failure,
 * `errors` maps each field (`fieldOf(issue.path)`) to its first message, and
 * `messages` lists every issue in order, for forms that also summarise them.
 * The third argument is `fieldOf` alone or the options (`fieldOf`, `wording`).
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: FieldOf | CheckOptions = {},
): Checked<z.output<S>> {
  const { fieldOf = firstKey, wording = englishWording } =
    typeof options === "function" ? { fieldOf: options } : options;
  const parsed = schema.safeParse(value, { error: fieldWording(wording) });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  const messages = parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  for (const { path, message } of messages) errors[fieldOf(path)] ??= message;
  return { ok: false, errors, messages };
}

/** What a control whose value is refused carries: marked invalid, described by its FieldError (same `id`). */
export function invalidProps(
  id: string,
  message: string | undefined,
): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return message ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}
