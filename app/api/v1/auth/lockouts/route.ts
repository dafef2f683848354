import { listLockouts } from "@/lib/auth/lockout";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listLockouts, async () => wholePage(await listLockouts()));
