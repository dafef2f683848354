import { withAuth } from "@/lib/http/with-auth";
import { listQuotas } from "@/lib/jobs/placement/quotas";

export const GET = withAuth("jobs.read", async () => Response.json({ items: await listQuotas(), nextCursor: null }));
