import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { decodeCursor, encodeCursor, PageQuery, toPage } from "../../lib/pagination";

const Key = z.object({ createdAt: z.string(), id: z.string() });

function decodeError(cursor: string): AppError {
  try {
    decodeCursor(cursor, Key);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("expected decodeCursor to throw");
}

describe("encodeCursor / decodeCursor", () => {
  it("gives back the key that was encoded", () => {
    const key = { createdAt: "2026-01-02T03:04:05.000Z", id: "0b9c6f0e-8d9a-4c1e-9f3a-1a2b3c4d5e6f" };
    expect(decodeCursor(encodeCursor(key), Key)).toEqual(key);
  });

  it("round-trips keys with non-ASCII text", () => {
    const key = { createdAt: "x", id: "ams1-r01 — ✓" };
    expect(decodeCursor(encodeCursor(key), Key)).toEqual(key);
  });

  it("makes cursors that are safe in a URL without escaping", () => {
    expect(encodeCursor({ createdAt: "?&/+=", id: "ÿÿÿ" })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("refuses a cursor that is not base64url JSON with 400 bad_request", () => {
    const err = decodeError("not a cursor!");
    expect(err.code).toBe("bad_request");
    expect(err.details).toEqual({ cursor: "not a cursor!" });
  });

  it("refuses a forged cursor whose JSON does not have the key's shape", () => {
    const forged = Buffer.from(JSON.stringify({ id: 1, admin: true })).toString("base64url");
    expect(decodeError(forged).code).toBe("bad_request");
  });
});

describe("toPage", () => {
  type Row = { id: string; n: number };
  const rows: Row[] = [
    { id: "a", n: 1 },
    { id: "b", n: 2 },
    { id: "c", n: 3 },
  ];
  const keyOf = (r: Row) => ({ id: r.id });
  const toItem = (r: Row) => r.n;

  it("drops the extra row and points the cursor at the last row kept", () => {
    const page = toPage(rows, 2, keyOf, toItem);
    expect(page.items).toEqual([1, 2]);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor!, z.object({ id: z.string() }))).toEqual({ id: "b" });
  });

  it("has no next cursor when exactly limit rows came back", () => {
    expect(toPage(rows, 3, keyOf, toItem)).toEqual({ items: [1, 2, 3], nextCursor: null });
  });

  it("has no next cursor when fewer than limit rows came back", () => {
    expect(toPage(rows.slice(0, 1), 3, keyOf, toItem)).toEqual({ items: [1], nextCursor: null });
  });

  it("turns no rows into an empty page", () => {
    expect(toPage([], 10, keyOf, toItem)).toEqual({ items: [], nextCursor: null });
  });
});

describe("PageQuery", () => {
  it("defaults limit to 100 and leaves the cursor out", () => {
    expect(PageQuery.parse({})).toEqual({ limit: 100 });
  });

  it("reads limit from a query-string value", () => {
    expect(PageQuery.parse({ limit: "25", cursor: "abc" })).toEqual({ limit: 25, cursor: "abc" });
  });

  it.each(["0", "1001", "2.5", "ten"])("refuses limit=%s", (limit) => {
    expect(PageQuery.safeParse({ limit }).success).toBe(false);
  });
});
