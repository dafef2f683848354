import * as contracts from "@/lib/http/contracts/jobs";
import { defineRoute } from "@/lib/http/route";
import { listJobs } from "@/lib/jobs/queries";
import { submitJob } from "@/lib/jobs/submit";

export const GET = defineRoute(contracts.listJobs, async ({ query }) => listJobs(query));

export const POST = defineRoute(contracts.submitJob, async ({ body, user }) => submitJob(body, user));
