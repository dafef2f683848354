import * as contracts from "@/lib/http/contracts/quotas";
import { defineRoute } from "@/lib/http/route";
import { listQuotas } from "@/lib/jobs/placement/quotas";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listQuotas, async () => wholePage(await listQuotas()));
