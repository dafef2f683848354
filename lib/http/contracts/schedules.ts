import { PageQuery } from "../../pagination";
import { ScheduleIdParam, ScheduleOut, UpdateScheduleInput } from "../../jobs/schemas";
import { defineContract, pageOf } from "../contract";

// Recurring jobs: a job spec and a cron schedule (jobs.ts queues one with `schedule`).

export const listSchedules = defineContract({
  method: "get",
  path: "/api/v1/schedules",
  permission: "jobs.read",
  summary: "Recurring jobs with their next run times",
  query: PageQuery,
  response: { status: 200, description: "A page of schedules", schema: pageOf(ScheduleOut) },
  errors: [400],
});

export const getSchedule = defineContract({
  method: "get",
  path: "/api/v1/schedules/{id}",
  permission: "jobs.read",
  summary: "A schedule",
  params: ScheduleIdParam,
  response: { status: 200, description: "The schedule", schema: ScheduleOut },
  errors: [404, 422],
});

export const updateSchedule = defineContract({
  method: "patch",
  path: "/api/v1/schedules/{id}",
  permission: "jobs.write",
  summary: "Pause, resume or re-time a schedule",
  params: ScheduleIdParam,
  body: UpdateScheduleInput,
  response: { status: 200, description: "The schedule", schema: ScheduleOut },
  errors: [404],
});

export const deleteSchedule = defineContract({
  method: "delete",
  path: "/api/v1/schedules/{id}",
  permission: "jobs.write",
  summary: "Delete a schedule (its jobs stay)",
  params: ScheduleIdParam,
  response: { status: 204, description: "Deleted" },
  errors: [404, 422],
});
