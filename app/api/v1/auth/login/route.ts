import { isHttps, sessionCookie } from "@/lib/auth/cookies";
import { LoginInput } from "@/lib/auth/schemas";
import { signIn } from "@/lib/auth/sessions";
import { readJson } from "@/lib/http/body";
import { withErrors } from "@/lib/http/with-auth";

export const POST = withErrors(async (req) => {
  const input = await readJson(req, LoginInput);
  const { cookie, expiresAt, principal } = await signIn(input, req.headers.get("user-agent"));
  return Response.json(
    { name: principal.name, role: principal.role },
    { headers: { "set-cookie": sessionCookie(cookie, expiresAt, isHttps(req)) } },
  );
});
