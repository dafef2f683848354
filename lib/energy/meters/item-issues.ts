import { AppError } from "../../errors";

/**
 * A problem with one item of a batch, in the shape the API gives zod issues
 * (`path` starts with the item's index), so a client reads schema problems and
 * problems found against the database the same way.
 */
export type ItemIssue = { path: string; message: string; code: string };

export function itemIssue(index: number, field: string, message: string, code: string): ItemIssue {
  return { path: `${index}.${field}`, message, code };
}

/** Throws the 422 that rejects a whole batch; inside a transaction, nothing it wrote survives. */
export function rejectItems(issues: ItemIssue[], what: string): never {
  const sorted = [...issues].sort((a, b) => Number.parseInt(a.path, 10) - Number.parseInt(b.path, 10));
  const first = sorted[0]!;
  const more = sorted.length > 1 ? ` (and ${sorted.length - 1} more)` : "";
  throw new AppError(
    "unprocessable_entity",
    `Invalid ${what} — ${first.path}: ${first.message}${more}; nothing was written`,
    sorted,
  );
}
