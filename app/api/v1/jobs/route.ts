import { readJson, readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { listJobs } from "@/lib/jobs/queries";
import { CreateJobInput, ListJobsQuery } from "@/lib/jobs/schemas";
import { submitJob } from "@/lib/jobs/submit";

export const GET = withAuth("jobs.read", async (req) => Response.json(await listJobs(readQuery(req, ListJobsQuery))));

export const POST = withAuth("jobs.write", async (req, { user }) => {
  const input = await readJson(req, CreateJobInput);
  return Response.json(await submitJob(input, user), { status: 201 });
});
