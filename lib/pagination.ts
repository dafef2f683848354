import { z } from "zod";
import { AppError } from "./errors";

/** `?limit=&cursor=` as every list takes them (API and pages alike). */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** The one list envelope: `{items, nextCursor}`. */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** Cursors are opaque to clients: base64url of the last row's sort key. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("bad_request", "The cursor is not one this API issued", { cursor });
  }
}

/**
 * Turns `limit + 1` fetched rows into a page, the one place the list envelope
 * is built: the extra row only tells that there is more, and the last returned
 * row's key becomes the cursor.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => unknown,
  toItem: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(toItem), nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** A page of items already in hand (a list that is not paged further). */
export function wholePage<T>(items: T[]): Page<T> {
  return { items, nextCursor: null };
}
