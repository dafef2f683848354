import { coded } from "../../i18n/coded-text";
import { db } from "../../db";
import type { ParamsOf } from "../schemas";
import type { CollectContext, Sample } from "./sample";

/** Jobs that failed within the last `withinMinutes`: an alert each, resolving once the failure is that old. */
export async function failedJobs(p: ParamsOf<"job_failed">, ctx: CollectContext): Promise<Sample[]> {
  const jobs = await db.job.findMany({
    where: { status: "failed", finishedAt: { gte: new Date(ctx.now.getTime() - p.withinMinutes * 60_000) } },
    orderBy: { finishedAt: "desc" },
    take: 500,
    select: { id: true, type: true, team: true, error: true, spec: true },
  });
  return jobs.map((j) => {
    const model = (j.spec as { modelName?: unknown } | null)?.modelName;
    return {
      labels: { job: j.id, team: j.team, ...(typeof model === "string" ? { model } : {}) },
      value: null,
      summary: `${j.type === "train" ? "Training" : "Evaluation"} job ${j.id.slice(0, 8)} (team ${j.team}) failed: ${j.error ?? "no reason recorded"}`,
      // The error itself stays in the words it was recorded in.
      summaryCode: coded("alert.jobFailed", {
        type: j.type,
        id: j.id.slice(0, 8),
        team: j.team,
        error: j.error ?? "none",
      }),
      link: `/jobs/${j.id}`,
    };
  });
}
