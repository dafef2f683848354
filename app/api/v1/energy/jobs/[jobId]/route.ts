import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { energyOfJob } from "@/lib/energy/reports/job-energy";

export const GET = defineRoute(contracts.getJobEnergy, async ({ params }) => energyOfJob(params.jobId));
