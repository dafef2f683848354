import { withAuth } from "@/lib/http/with-auth";
import { jobEventStream } from "@/lib/jobs/events";
import { JobIdParam } from "@/lib/jobs/schemas";

export const dynamic = "force-dynamic";

export const GET = withAuth("jobs.read", async (req, { params }) => {
  const stream = await jobEventStream(JobIdParam.parse(params).id, req.signal);
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
