import { CreateUserInput } from "@/lib/auth/schemas";
import { createUser, listUsers } from "@/lib/auth/users";
import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";

export const GET = withAuth("users.read", async () => Response.json({ items: await listUsers(), nextCursor: null }));

export const POST = withAuth("users.write", async (req, { user }) => {
  const input = await readJson(req, CreateUserInput);
  return Response.json(await createUser(input, user), { status: 201 });
});
