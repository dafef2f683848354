import { withAuth } from "@/lib/http/with-auth";
import { cancelJob } from "@/lib/jobs/cancel";
import { JobIdParam } from "@/lib/jobs/schemas";

export const POST = withAuth("jobs.write", async (_req, { user, params }) => Response.json(await cancelJob(JobIdParam.parse(params).id, user)));
