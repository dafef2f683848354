import * as contracts from "@/lib/http/contracts/jobs";
import { defineRoute } from "@/lib/http/route";
import { cancelJob } from "@/lib/jobs/cancel";

export const POST = defineRoute(contracts.cancelJob, async ({ params, user }) => cancelJob(params.id, user));
