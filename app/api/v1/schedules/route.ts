import * as contracts from "@/lib/http/contracts/schedules";
import { defineRoute } from "@/lib/http/route";
import { listSchedules } from "@/lib/jobs/schedules/schedules";

export const GET = defineRoute(contracts.listSchedules, async ({ query }) => listSchedules(query));
