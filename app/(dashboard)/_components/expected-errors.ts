import { notFound } from "next/navigation";
import { AppError, type ErrorCode } from "@/lib/errors";

// What a page does with the AppErrors it expects: a record that does not
// exist is the dashboard's not-found page, a list the reader cannot have (a
// stale or hand-edited cursor) is a notice that says why. Anything else is a
// fault and goes on to error.tsx, which shows a calm message and the digest.

/**
 * `promise`'s value, or `onExpected(err)` when it rejects with an AppError
 * whose code is one of `codes`; every other error is thrown on.
 */
export async function catchExpected<T, F>(
  promise: Promise<T>,
  codes: readonly ErrorCode[],
  onExpected: (err: AppError) => F,
): Promise<T | F> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof AppError && codes.includes(err.code)) return onExpected(err);
    throw err;
  }
}

/** The record, or the not-found page (answered 404) when `promise` rejects with one of `codes`. */
export function orNotFound<T>(promise: Promise<T>, codes: readonly ErrorCode[] = ["not_found"]): Promise<T> {
  return catchExpected(promise, codes, () => notFound());
}

/** The record, or null when it does not exist (for a page title, where a 404 is the page's business). */
export function orNull<T>(promise: Promise<T>, codes: readonly ErrorCode[] = ["not_found"]): Promise<T | null> {
  return catchExpected(promise, codes, () => null);
}

/** A list page's rows, or why they cannot be listed (shown in a notice beside the filters). */
export type Listing<T> = { page: T; error: null } | { page: null; error: string };

/** The rows, or the reason when `promise` rejects with a bad request (a cursor or filter the reader got wrong). */
export function orExplanation<T>(promise: Promise<T>): Promise<Listing<T>> {
  return catchExpected(
    promise.then((page): Listing<T> => ({ page, error: null })),
    ["bad_request"],
    (err): Listing<T> => ({ page: null, error: err.message }),
  );
}

/** A listing refused before it was asked for (the query string did not parse). */
export function refusedListing<T>(message: string): Promise<Listing<T>> {
  return Promise.resolve({ page: null, error: message });
}
