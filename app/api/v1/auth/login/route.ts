import { isHttps, sessionCookie } from "@/lib/auth/cookies";
import { signIn } from "@/lib/auth/sessions";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";

export const POST = defineRoute(contracts.login, async ({ req, body }) => {
  const { cookie, expiresAt, principal } = await signIn(body, req.headers.get("user-agent"));
  return Response.json(
    { name: principal.name, role: principal.role },
    { headers: { "set-cookie": sessionCookie(cookie, expiresAt, isHttps(req)) } },
  );
});
