import { AppError } from "../errors";
import type { Principal } from "./principal";
import { findSessionPrincipal, SESSION_COOKIE } from "./sessions";
import { findTokenPrincipal } from "./tokens";

/** Reads one cookie from a Cookie header (no dependency on Next's request context). */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return safeDecode(part.slice(eq + 1).trim());
  }
  return null;
}

// A malformed %-escape is a bad credential (401 later), not a server error.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Who sent this request: `Authorization: Bearer <token>` first, then the session
 * cookie. Throws 401 when credentials are missing or invalid.
 */
export async function authenticate(req: Request): Promise<Principal> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AppError("unauthenticated", "Use `Authorization: Bearer <token>`");
    const principal = await findTokenPrincipal(match[1]!);
    if (!principal) throw new AppError("unauthenticated", "The API token is unknown or revoked");
    return principal;
  }
  const cookie = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
  if (cookie) {
    refuseCrossSiteWrite(req);
    const principal = await findSessionPrincipal(cookie);
    if (principal) return principal;
    throw new AppError("unauthenticated", "Your session has expired; sign in again");
  }
  throw new AppError("unauthenticated", "Sign in, or send `Authorization: Bearer <token>`");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for writes a browser's session cookie authenticates (a bearer
 * token can't be sent by another site): besides the cookie's SameSite=Lax, the
 * browser's own word on where the request came from must be this site —
 * `Sec-Fetch-Site`, else `Origin` against the host it was sent to. Clients
 * that send neither (curl with a cookie jar) aren't browsers another site can
 * drive.
 */
export function refuseCrossSiteWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin" || site === "none") return;
    throw new AppError("forbidden", `A ${site} request can't write with this site's session; use an API token`);
  }
  const origin = req.headers.get("origin");
  if (origin === null) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (a sandboxed frame, a redirect across origins) or garbage: not this site.
  }
  if (originHost === null || originHost !== host)
    throw new AppError("forbidden", `A request from ${origin} can't write with this site's session; use an API token`);
}
