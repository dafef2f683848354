import { CreateTokenInput } from "@/lib/auth/schemas";
import { createApiToken, listApiTokens } from "@/lib/auth/tokens";
import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";

export const GET = withAuth("tokens.read", async () => Response.json({ items: await listApiTokens(), nextCursor: null }));

export const POST = withAuth("tokens.write", async (req, { user }) => {
  const input = await readJson(req, CreateTokenInput);
  return Response.json(await createApiToken(input, user), { status: 201 });
});
