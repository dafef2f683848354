import { withAuth } from "@/lib/http/with-auth";
import { getJob } from "@/lib/jobs/queries";
import { JobIdParam } from "@/lib/jobs/schemas";

export const GET = withAuth("jobs.read", async (_req, { params }) => Response.json(await getJob(JobIdParam.parse(params).id)));
