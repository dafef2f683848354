// Errors that mean "the database is not there right now" (refused or cut
// connections, a server shutting down or starting up) rather than "this
// request is wrong": the API answers them 503 with Retry-After, so clients
// retry their (idempotent) requests instead of giving up on a 500.

/** SQLSTATEs of lost or refused connections: class 08, and 57P01–57P03 (shutdown, crash, cannot connect now). */
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03"]);
const ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
// Prisma's own codes for the same (its driver adapter's error is in `meta`, not
// in the cause chain): P1001 can't reach the server, P1002 it timed out, P1017
// it closed the connection. Without them a request whose first query is
// Prisma's (authentication is) answered 500 while the server was down.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
const MESSAGES = [
  /Connection terminated/i,
  /connection (?:is )?(?:closed|ended|refused)/i,
  /terminating connection due to administrator command/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /Client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
];

/** Whether `err` (or anything in its cause chain) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 8; depth++) {
    if (typeof e !== "object") return false;
    const { code, message, cause, originalCode } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
    };
    if (typeof code === "string" && (SQLSTATES.has(code) || ERRNOS.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof originalCode === "string" && SQLSTATES.has(originalCode)) return true;
    if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
    e = cause;
  }
  return false;
}

/** Whether `err` (or its cause chain) is the database, or this process, running out of disk: SQLSTATE 53100 or ENOSPC. */
export function isDiskFull(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 8; depth++) {
    if (typeof e !== "object") return false;
    const { code, message, cause, originalCode } = e as Record<string, unknown>;
    if (code === "53100" || code === "ENOSPC" || originalCode === "53100") return true;
    if (typeof message === "string" && /No space left on device|could not extend file/i.test(message)) return true;
    e = cause;
  }
  return false;
}
