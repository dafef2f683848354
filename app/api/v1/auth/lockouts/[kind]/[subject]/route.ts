import { unlockLogin } from "@/lib/auth/lockout";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";

export const DELETE = defineRoute(contracts.unlockLogin, async ({ params, user }) => unlockLogin(params, user));
