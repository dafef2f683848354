import * as contracts from "@/lib/http/contracts/jobs";
import { defineRoute } from "@/lib/http/route";
import { jobEventStream } from "@/lib/jobs/events";

export const dynamic = "force-dynamic";

export const GET = defineRoute(contracts.followJobEvents, async ({ req, params }) => {
  const stream = await jobEventStream(params.id, req.signal);
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
