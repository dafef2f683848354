import { getUser, updateUser } from "@/lib/auth/users";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";

export const GET = defineRoute(contracts.getUser, async ({ params }) => getUser(params.name));

export const PATCH = defineRoute(contracts.updateUser, async ({ params, body, user }) =>
  updateUser(params.name, body, user),
);
