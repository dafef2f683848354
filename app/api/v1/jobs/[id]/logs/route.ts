import * as contracts from "@/lib/http/contracts/jobs";
import { defineRoute } from "@/lib/http/route";
import { listJobLogs } from "@/lib/jobs/logs";
import { getJob } from "@/lib/jobs/queries";

export const GET = defineRoute(contracts.listJobLogs, async ({ params, query }) => {
  await getJob(params.id); // 404 for an unknown job, not an empty list
  return { items: await listJobLogs(params.id, query.after ? BigInt(query.after) : null, query.limit) };
});
