import { createUser, listUsers } from "@/lib/auth/users";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listUsers, async () => wholePage(await listUsers()));

export const POST = defineRoute(contracts.createUser, async ({ body, user }) => createUser(body, user));
