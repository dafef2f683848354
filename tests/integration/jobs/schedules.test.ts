import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as jobs from "../../../app/api/v1/jobs/route";
import * as schedules from "../../../app/api/v1/schedules/route";
import * as scheduleById from "../../../app/api/v1/schedules/[id]/route";
import { db } from "../../../lib/db";
import { fireDueSchedules } from "../../../lib/jobs/schedules/schedules";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let op: string;
let viewer: string;
beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
});

// Each test looks at its own schedule: the fake clocks below would fire earlier tests' ones too.
beforeEach(async () => {
  await db.jobSchedule.updateMany({ data: { enabled: false } });
});

const MINUTE = 60_000;
const createSchedule = async (schedule: unknown) => {
  const res = await call(jobs.POST, {
    token: op,
    path: "/api/v1/jobs",
    json: { type: "train", template: "xor-adam", gpus: 1, team: "nightly", schedule },
  });
  expect(res.status).toBe(201);
  return res.body;
};

describe("cron schedules", () => {
  it("creates a schedule from a job spec with a cron expression, listed with its next run times", async () => {
    const created = await createSchedule({ cron: "*/5 * * * *", timezone: "UTC" });
    expect(created).toMatchObject({ status: "scheduled", schedule: { cron: "*/5 * * * *", timezone: "UTC" } });
    const next = Date.parse(created.schedule.nextRunAt);
    expect(next % (5 * MINUTE)).toBe(0);
    expect(next).toBeGreaterThan(Date.now());
    const list = await call(schedules.GET, { token: viewer });
    const item = list.body.items.find((s: { id: string }) => s.id === created.id);
    expect(item).toMatchObject({ enabled: true, team: "nightly", jobs: 0, nextRunAt: created.schedule.nextRunAt });
    expect(item.upcoming.map(Date.parse)).toEqual([next, next + 5 * MINUTE, next + 10 * MINUTE]);
    expect(await db.job.count({ where: { scheduleId: created.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "job.schedule_create", target: `schedule:${created.id}` } }),
    ).toBe(1);
  });

  it("fires exactly once per cron time however many workers look at once (fake clock)", async () => {
    const { id } = await createSchedule("*/5 * * * *");
    const s = await db.jobSchedule.findUniqueOrThrow({ where: { id } });
    const due = s.nextRunAt.getTime();

    expect(await fireDueSchedules(new Date(due - 1))).toBe(0);
    // Six workers' passes at the same instant: one job.
    const fired = await Promise.all(Array.from({ length: 6 }, () => fireDueSchedules(new Date(due + 10))));
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1);
    const submitted = await db.job.findMany({ where: { scheduleId: id } });
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ status: "queued", team: "nightly", createdBy: "token:test-operator" });
    const after = await db.jobSchedule.findUniqueOrThrow({ where: { id } });
    expect(after.nextRunAt.getTime()).toBe(due + 5 * MINUTE);
    expect(after.lastRunAt?.getTime()).toBe(due + 10);
    expect(await fireDueSchedules(new Date(due + 20))).toBe(0);

    // A worker outage of an hour: the missed times fire once, not twelve times.
    const later = due + 60 * MINUTE + 30_000;
    await Promise.all(Array.from({ length: 3 }, () => fireDueSchedules(new Date(later))));
    expect(await db.job.count({ where: { scheduleId: id } })).toBe(2);
    expect((await db.jobSchedule.findUniqueOrThrow({ where: { id } })).nextRunAt.getTime()).toBe(due + 65 * MINUTE);
  });

  it("pauses, re-times and deletes a schedule (audited); a paused one never fires", async () => {
    const { id } = await createSchedule("0 3 * * *");
    const paused = await call(scheduleById.PATCH, { token: op, params: { id }, json: { enabled: false } });
    expect(paused.body).toMatchObject({ enabled: false, nextRunAt: null, upcoming: [] });
    expect(await fireDueSchedules(new Date(Date.now() + 10 * 24 * 60 * MINUTE))).toBe(0);
    expect(await db.job.count({ where: { scheduleId: id } })).toBe(0);

    const retimed = await call(scheduleById.PATCH, {
      token: op,
      params: { id },
      json: { enabled: true, schedule: { cron: "30 9 * * 1-5", timezone: "Europe/Amsterdam" } },
    });
    expect(retimed.status).toBe(200);
    expect(retimed.body).toMatchObject({ enabled: true, cron: "30 9 * * 1-5", timezone: "Europe/Amsterdam" });
    // 09:30 in Amsterdam is 08:30 or 07:30 UTC depending on the season.
    expect(new Date(retimed.body.nextRunAt).getUTCMinutes()).toBe(30);
    expect([7, 8]).toContain(new Date(retimed.body.nextRunAt).getUTCHours());
    expect(
      (await call(scheduleById.PATCH, { token: op, params: { id }, json: { schedule: "61 * * * *" } })).status,
    ).toBe(422);
    expect((await call(scheduleById.PATCH, { token: viewer, params: { id }, json: { enabled: false } })).status).toBe(
      403,
    );

    expect((await call(scheduleById.DELETE, { token: op, params: { id } })).status).toBe(204);
    expect((await call(scheduleById.GET, { token: viewer, params: { id } })).status).toBe(404);
    const actions = (await db.auditEvent.findMany({ where: { target: `schedule:${id}` }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "job.schedule_create",
      "job.schedule_update",
      "job.schedule_update",
      "job.schedule_delete",
    ]);
  });
});
