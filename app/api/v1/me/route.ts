import { withAuth } from "@/lib/http/with-auth";

export const GET = withAuth("self.read", async (_req, { user }) =>
  Response.json({ role: user.role, name: user.name, kind: user.kind }),
);
