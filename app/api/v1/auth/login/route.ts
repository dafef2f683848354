import { readCookie } from "@/lib/auth/authenticate";
import { isHttps, sessionCookie } from "@/lib/auth/cookies";
import { SESSION_COOKIE, signIn } from "@/lib/auth/sessions";
import { clientAddressOf } from "@/lib/http/client-address";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";

export const POST = defineRoute(contracts.login, async ({ req, body }) => {
  const { cookie, expiresAt, principal } = await signIn(body, {
    userAgent: req.headers.get("user-agent"),
    address: clientAddressOf(req.headers),
    previousCookie: readCookie(req.headers.get("cookie"), SESSION_COOKIE),
  });
  return Response.json(
    { name: principal.name, role: principal.role },
    { headers: { "set-cookie": sessionCookie(cookie, expiresAt, isHttps(req)) } },
  );
});
