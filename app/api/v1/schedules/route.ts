import { readQuery } from "@/lib/http/body";
import { PageQuery } from "@/lib/pagination";
import { withAuth } from "@/lib/http/with-auth";
import { listSchedules } from "@/lib/jobs/schedules/schedules";

export const GET = withAuth("jobs.read", async (req) => Response.json(await listSchedules(readQuery(req, PageQuery))));
