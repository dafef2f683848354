import { Gauge } from "prom-client";
import { db } from "../db";
import { JobStatus } from "../jobs/schemas";
import { registry } from "./registry";

type JobCounts = { byStatus: Map<string, number>; gpusHeld: number; waiting: number };

// One pair of queries per scrape, shared by the gauges below.
let pending: Promise<JobCounts> | null = null;
function countsOnce(): Promise<JobCounts> {
  pending ??= Promise.all([
    db.job.groupBy({ by: ["status"], _count: true }),
    db.job.aggregate({ where: { status: { in: ["placed", "running"] } }, _sum: { gpus: true } }),
    db.job.count({ where: { status: "queued", waitingReason: { not: null } } }),
  ])
    .then(([byStatus, held, waiting]) => ({
      byStatus: new Map(byStatus.map((r) => [r.status, r._count])),
      gpusHeld: held._sum.gpus ?? 0,
      waiting,
    }))
    .finally(() => setTimeout(() => (pending = null), 0));
  return pending;
}

new Gauge({
  name: "rackmind_jobs",
  help: "Training and evaluation jobs by status.",
  labelNames: ["status"],
  registers: [registry],
  async collect() {
    const { byStatus } = await countsOnce();
    // Every status is reported, 0 included, so rate() and alerts see a series from the start.
    for (const status of JobStatus.options) this.set({ status }, byStatus.get(status) ?? 0);
  },
});

new Gauge({
  name: "rackmind_jobs_waiting",
  help: "Queued jobs the scheduler could not place yet (they have a waiting reason).",
  registers: [registry],
  async collect() {
    this.set((await countsOnce()).waiting);
  },
});

new Gauge({
  name: "rackmind_job_gpus_held",
  help: "GPUs held by placed and running jobs.",
  registers: [registry],
  async collect() {
    this.set((await countsOnce()).gpusHeld);
  },
});
