/**
 * The one error type of lib/: services throw `new AppError(code, message)`
 * and never think in HTTP. What a code means for a caller is stated here;
 * which status it becomes is the HTTP edge's business (http/errors.ts), so the
 * worker and the serving process use lib/ without HTTP meaning.
 */
export const errorCodes = [
  "bad_request",
  "invalid_json",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "unprocessable_entity",
  "rate_limited",
  // Overloaded for now (a model's queue over its latency budget): retry after a pause.
  "unavailable",
  // Stored data fails its own check (an artifact whose content no longer
  // matches its hash): refused, never used; retrying cannot help.
  "integrity_error",
  // The database has no disk space left: nothing was written; retry once space is freed.
  "insufficient_storage",
  // A service Rackmind reads from on the caller's behalf (the operators'
  // Prometheus) failed or answered nonsense; the message names it, never its body.
  "bad_gateway",
  // That service did not answer in time.
  "gateway_timeout",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * Whether an error is the caller's (bad input, a missing record, a conflict, a
 * refusal): doing the same again gives the same answer, so a job queue does
 * not retry it. Only `internal` is the system's own failure (an integrity error
 * is not the caller's either, but it is just as permanent: counted here).
 */
export function isCallersError(err: unknown): err is AppError {
  return err instanceof AppError && err.code !== "internal";
}
