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
    const principal = await findSessionPrincipal(cookie);
    if (principal) return principal;
    throw new AppError("unauthenticated", "Your session has expired; sign in again");
  }
  throw new AppError("unauthenticated", "Sign in, or send `Authorization: Bearer <token>`");
}
