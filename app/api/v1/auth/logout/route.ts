import { readCookie } from "@/lib/auth/authenticate";
import { clearedSessionCookie } from "@/lib/auth/cookies";
import { SESSION_COOKIE, signOut } from "@/lib/auth/sessions";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";

// Logging out needs no valid session: an expired cookie is cleared all the same.
export const POST = defineRoute(contracts.logout, async ({ req }) => {
  const cookie = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
  if (cookie) await signOut(cookie);
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie() } });
});
