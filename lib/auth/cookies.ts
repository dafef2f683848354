import { SESSION_COOKIE } from "./sessions";

/** The session cookie: httpOnly, SameSite=Lax (blocks cross-site POSTs), Secure on https. */
export function sessionCookie(value: string, expiresAt: Date, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** Whether the browser reached us over https (directly or through a proxy). */
export function isHttps(req: Request): boolean {
  // A proxy chain sends "https, http": the first hop is the browser's.
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return new URL(req.url).protocol === "https:" || forwarded === "https";
}
