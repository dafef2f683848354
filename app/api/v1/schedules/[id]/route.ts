import * as contracts from "@/lib/http/contracts/schedules";
import { defineRoute } from "@/lib/http/route";
import { deleteSchedule, getSchedule, updateSchedule } from "@/lib/jobs/schedules/schedules";

export const GET = defineRoute(contracts.getSchedule, async ({ params }) => getSchedule(params.id));

export const PATCH = defineRoute(contracts.updateSchedule, async ({ params, body, user }) =>
  updateSchedule(params.id, body, user),
);

export const DELETE = defineRoute(contracts.deleteSchedule, async ({ params, user }) =>
  deleteSchedule(params.id, user),
);
