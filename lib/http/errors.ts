import { isDatabaseUnavailable, isDiskFull } from "../database/unavailable";
import { ZodError } from "zod";
import { AppError, type ErrorCode } from "../errors";
import { logger } from "../observability/logger";

/** The HTTP status of each error code: the one place codes meet statuses. */
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_entity: 422,
  rate_limited: 429,
  unavailable: 503,
  insufficient_storage: 507,
  bad_gateway: 502,
  gateway_timeout: 504,
  integrity_error: 500,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

export type ErrorBody = { error: { code: ErrorCode; message: string; details: unknown } };

export function errorResponse(
  code: ErrorCode,
  message: string,
  details: unknown = null,
  headers?: HeadersInit,
): Response {
  const body: ErrorBody = { error: { code, message, details } };
  return Response.json(body, { status: errorStatus[code], headers });
}

/** A 429 or 503 whose details say when to come back also says it the HTTP way, in Retry-After (seconds). */
function retryAfterOf(err: AppError): HeadersInit | undefined {
  const seconds = (err.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if ((err.code !== "rate_limited" && err.code !== "unavailable") || typeof seconds !== "number") return undefined;
  return { "retry-after": String(Math.max(1, Math.ceil(seconds))) };
}

/** How long a client should wait before retrying while the database is away. */
const DB_RETRY_AFTER_SECONDS = 5;

type PrismaLikeError = { code: string; meta?: Record<string, unknown>; message: string };

function isPrismaKnownError(err: unknown): err is PrismaLikeError {
  return (
    typeof err === "object" &&
    err !== null &&
    (err as { name?: string }).name === "PrismaClientKnownRequestError" &&
    typeof (err as { code?: unknown }).code === "string"
  );
}

function fromPrisma(err: PrismaLikeError): AppError | null {
  switch (err.code) {
    case "P2002": {
      const target = describeTarget(err.meta);
      return new AppError("conflict", `A record with this ${target} already exists`, { fields: target });
    }
    case "P2025":
      return new AppError("not_found", "The record does not exist");
    case "P2003":
      return new AppError("conflict", "The record is still referenced by, or refers to a missing, related record");
    default:
      return null;
  }
}

function describeTarget(meta: Record<string, unknown> | undefined): string {
  const target =
    meta?.target ??
    (meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)?.cause?.constraint
      ?.fields;
  if (Array.isArray(target)) return target.join(", ");
  if (typeof target === "string") return target;
  return "value";
}

/** Maps any thrown value to the API's error response. Unknown errors are logged, not echoed. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) return errorResponse(err.code, err.message, err.details, retryAfterOf(err));
  if (err instanceof ZodError) {
    return errorResponse(
      "unprocessable_entity",
      summariseZodError(err),
      err.issues.map((i) => ({
        path: i.path.join("."),
        message: i.message,
        code: i.code,
      })),
    );
  }
  if (isPrismaKnownError(err)) {
    const mapped = fromPrisma(err);
    if (mapped) return errorResponse(mapped.code, mapped.message, mapped.details);
  }
  if (isDiskFull(err)) {
    logger.error({ err }, "the database is out of disk space; answered 507");
    return errorResponse(
      "insufficient_storage",
      "The database has run out of disk space, so nothing was written. Free space on the database server, then try again.",
    );
  }
  if (isDatabaseUnavailable(err)) {
    logger.warn({ err }, "the database is unreachable; answered 503");
    return errorResponse(
      "unavailable",
      "The database is not reachable right now; try again shortly.",
      { retryAfterSeconds: DB_RETRY_AFTER_SECONDS },
      { "retry-after": String(DB_RETRY_AFTER_SECONDS) },
    );
  }
  logger.error({ err }, "unhandled error in request");
  return errorResponse("internal", "Something went wrong on our side; the error was logged.");
}

function summariseZodError(err: ZodError): string {
  const first = err.issues[0];
  if (!first) return "The input is not valid";
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  const more = err.issues.length > 1 ? ` (and ${err.issues.length - 1} more)` : "";
  return `Invalid input — ${where}${first.message}${more}`;
}
