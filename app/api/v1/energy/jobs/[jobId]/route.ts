import { withAuth } from "@/lib/http/with-auth";
import { energyOfJob } from "@/lib/energy/reports/job-energy";

export const GET = withAuth<{ jobId: string }>("energy.read", async (_req, { params }) => Response.json(await energyOfJob(params.jobId)));
