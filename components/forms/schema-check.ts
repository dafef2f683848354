import type { z } from "zod";

// Client forms check what they are about to send with the same zod schema the
// API parses with, so a bad value is named beside its field without a round
// trip. The API still validates everything; this only answers sooner.

/** The first message per form field; "" holds issues that belong to no field. */
export type FieldErrors = Partial<Record<string, string>>;

export type Checked<T> =
  { ok: true; data: T } | { ok: false; errors: FieldErrors; messages: { path: PropertyKey[]; message: string }[] };

const isBlank = (input: unknown) => input === undefined || input === null || input === "";

function size(origin: string, n: number | bigint): string {
  return origin === "string"
    ? `${n} character${n === 1 ? "" : "s"}`
    : origin === "array" || origin === "set"
      ? `${n} item${n === 1 ? "" : "s"}`
      : String(n);
}

/**
 * zod's own wording for the checks a schema states without a message
 * ("Too small: expected string to have >=1 characters"), said the way the
 * dashboard speaks. A message the schema gives itself always wins: zod ranks
 * a schema's message above a per-parse map.
 */
const fieldWording: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (isBlank(issue.input)) return "required";
      return issue.expected === "number" || issue.expected === "int"
        ? issue.expected === "int"
          ? "a whole number"
          : "a number"
        : undefined;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "required";
      return `${issue.inclusive === false ? "more than" : "at least"} ${size(issue.origin, issue.minimum)}`;
    case "too_big":
      return `${issue.inclusive === false ? "less than" : "at most"} ${size(issue.origin, issue.maximum)}`;
    case "invalid_value":
      return `one of ${issue.values.map(String).join(", ")}`;
    case "unrecognized_keys":
      return `not a field here: ${issue.keys.join(", ")}`;
    default:
      return undefined;
  }
};

/** By default an issue belongs to the field named by its path's first key. */
const firstKey = (path: PropertyKey[]) => String(path[0] ?? "");

/**
 * Parses `value` with the domain's `schema` before it is sent. On failure,
 * `errors` maps each field (`fieldOf(issue.path)`) to its first message, and
 * `messages` lists every issue in order, for forms that also summarise them.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  fieldOf: (path: PropertyKey[]) => string = firstKey,
): Checked<z.output<S>> {
  const parsed = schema.safeParse(value, { error: fieldWording });
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
