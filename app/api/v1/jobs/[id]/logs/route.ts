import { z } from "zod";
import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { listJobLogs } from "@/lib/jobs/logs";
import { getJob } from "@/lib/jobs/queries";
import { JobIdParam } from "@/lib/jobs/schemas";

const LogsQuery = z.object({ after: z.string().regex(/^\d+$/).optional(), limit: z.coerce.number().int().min(1).max(1000).default(500) });

export const GET = withAuth("jobs.read", async (req, { params }) => {
  const { id } = JobIdParam.parse(params);
  const q = readQuery(req, LogsQuery);
  await getJob(id);
  return Response.json({ items: await listJobLogs(id, q.after ? BigInt(q.after) : null, q.limit) });
});
