import * as contracts from "@/lib/http/contracts/quotas";
import { defineRoute } from "@/lib/http/route";
import { deleteQuota, putQuota } from "@/lib/jobs/placement/quotas";

export const PUT = defineRoute(contracts.putQuota, async ({ params, body, user }) => putQuota(params.team, body, user));

export const DELETE = defineRoute(contracts.deleteQuota, async ({ params, user }) => deleteQuota(params.team, user));
