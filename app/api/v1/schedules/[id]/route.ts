import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { deleteSchedule, getSchedule, updateSchedule } from "@/lib/jobs/schedules/schedules";
import { ScheduleIdParam, UpdateScheduleInput } from "@/lib/jobs/schemas";

export const GET = withAuth("jobs.read", async (_req, { params }) => Response.json(await getSchedule(ScheduleIdParam.parse(params).id)));

export const PATCH = withAuth("jobs.write", async (req, { user, params }) =>
  Response.json(await updateSchedule(ScheduleIdParam.parse(params).id, await readJson(req, UpdateScheduleInput), user)),
);

export const DELETE = withAuth("jobs.write", async (_req, { user, params }) => {
  await deleteSchedule(ScheduleIdParam.parse(params).id, user);
  return new Response(null, { status: 204 });
});
