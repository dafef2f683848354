import * as contracts from "@/lib/http/contracts/jobs";
import { defineRoute } from "@/lib/http/route";
import { getJob } from "@/lib/jobs/queries";

export const GET = defineRoute(contracts.getJob, async ({ params }) => getJob(params.id));
