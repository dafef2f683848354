import { resetPassword } from "@/lib/auth/users";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";

export const POST = defineRoute(contracts.resetUserPassword, async ({ params, body, user }) =>
  resetPassword(params.name, body, user),
);
