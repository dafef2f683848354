import type { z } from "zod";

/** What Next.js hands a page as `searchParams` (after awaiting it). */
export type SearchParams = Record<string, string | string[] | undefined>;

export type PageQueryResult<T> =
  | { ok: true; query: T; values: Record<string, string> }
  | { ok: false; message: string; values: Record<string, string> };

/**
 * The first value of each parameter, with empty ones dropped: a GET filter form
 * submits every field, and an empty field means "no filter", not "match ''".
 */
export function flattenSearchParams(raw: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = (Array.isArray(value) ? value[0] : value)?.trim();
    if (first) out[key] = first;
  }
  return out;
}

/**
 * Parses a page's query string with the same zod schema its API endpoint uses.
 * Pages show `message` instead of failing, so a hand-edited URL gets an
 * explanation, not an error page. `values` lets the form show what was typed.
 */
export function parsePageQuery<S extends z.ZodType>(schema: S, raw: SearchParams): PageQueryResult<z.infer<S>> {
  const values = flattenSearchParams(raw);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, query: parsed.data, values };
  const message = parsed.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  return { ok: false, message, values };
}

/**
 * People type dates, not full ISO instants: "2026-01-31" and "2026-01-31 08:00"
 * are read as UTC and completed here, so the API's strict schemas can stay strict.
 */
export function completeInstant(value: string | undefined): string | undefined {
  if (!value) return value;
  const v = value.replace(" ", "T");
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return `${v}:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(v)) return `${v}Z`;
  return value;
}
