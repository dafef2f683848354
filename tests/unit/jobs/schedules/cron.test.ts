import { describe, expect, it } from "vitest";
import { cronProblem, nextCronRun, nextCronRuns } from "../../../../lib/jobs/schedules/cron";
import { CronSchedule } from "../../../../lib/jobs/schemas";

describe("cron", () => {
  it("computes the next firing in the schedule's time zone, across a DST change", () => {
    // 02:30 local every day in Amsterdam; DST ends on 2026-10-25 (UTC+2 → UTC+1).
    const runs = nextCronRuns("30 2 * * *", "Europe/Amsterdam", new Date("2026-10-23T12:00:00Z"), 3).map((d) =>
      d.toISOString(),
    );
    expect(runs).toEqual(["2026-10-24T00:30:00.000Z", "2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"]);
    expect(nextCronRun("*/15 * * * *", "UTC", new Date("2026-11-28T10:07:00Z"))?.toISOString()).toBe(
      "2026-11-28T10:15:00.000Z",
    );
  });

  it("accepts five fields only, and real time zones", () => {
    expect(cronProblem("0 3 * * *", "UTC")).toBeNull();
    expect(cronProblem("0 0 3 * * *", "UTC")).toMatch(/five-field/);
    expect(cronProblem("0 25 * * *", "UTC")).toMatch(/not a valid cron/);
    expect(cronProblem("0 3 * * *", "Europe/Atlantis")).toMatch(/IANA/);
  });

  it("reads a bare string as UTC and an object with its zone", () => {
    expect(CronSchedule.parse("*/5 * * * *")).toEqual({ cron: "*/5 * * * *", timezone: "UTC" });
    expect(CronSchedule.parse({ cron: " 0 9 * * 1 ", timezone: "Asia/Tokyo" })).toEqual({
      cron: "0 9 * * 1",
      timezone: "Asia/Tokyo",
    });
    expect(CronSchedule.safeParse("@hourly").success).toBe(false);
  });
});
