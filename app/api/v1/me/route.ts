import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";

export const GET = defineRoute(contracts.getMe, async ({ user }) => ({
  role: user.role,
  name: user.name,
  kind: user.kind,
}));
