import { z } from "zod";
import { revokeApiToken } from "@/lib/auth/tokens";
import { withAuth } from "@/lib/http/with-auth";

const Params = z.object({ id: z.uuid() });

export const DELETE = withAuth<{ id: string }>("tokens.write", async (_req, { user, params }) => {
  await revokeApiToken(Params.parse(params).id, user);
  return new Response(null, { status: 204 });
});
