import { z } from "zod";

// Words the code writes for a person (a GPU's health cause, why a job waits,
// a run's verdict, an alert's summary) are stored as a catalogue key under the
// "states" namespace plus the values it needs, beside the English text the API
// has always returned. A reader sees them in their own language; a row written
// before codes existed, or with a code this version does not know, shows its
// stored English text instead (marked as stored prose).

export type CodedParams = Record<string, string | number>;

export type CodedText = { code: string; params: CodedParams };

export const CodedTextSchema = z
  .object({
    code: z.string().regex(/^[a-zA-Z0-9_.]+$/),
    params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  })
  .meta({
    id: "CodedText",
    description:
      "A message for a person as a key of the console's \"states\" catalogue and its values; render it in the reader's language, or show the English text beside it.",
  });

/** A coded text; params that are null or undefined are left out (a message's `select` reads them as "other"). */
export function coded(code: string, params: Record<string, string | number | null | undefined> = {}): CodedText {
  const kept: CodedParams = {};
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) kept[k] = v;
  return { code, params: kept };
}

/** A stored coded text read back; anything that does not parse is "none" (the English text is shown). */
export function readCodedText(raw: unknown): CodedText | null {
  const parsed = CodedTextSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
