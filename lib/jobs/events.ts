/**
 * GET /api/v1/jobs/{id}/events: the job's progress as server-sent events.
 * Polls the database (the job, its run's epoch, new log lines) once a second
 * rather than LISTEN/NOTIFY: polling works the same on PGlite behind its
 * socket, on a server, and through poolers, and a second is plenty for epochs.
 *
 * Events: `snapshot` (the whole job, first), `epoch` (one per new history
 * line), `status` (status, waiting reason, progress, placement or a timeline
 * instant changed; carries placedAt/startedAt/finishedAt so a page can show
 * its timeline live), `log` (a new log line), `done` (the finished job with
 * its evaluation and verdict, then the stream ends).
 */
import { logger } from "../observability/logger";
import { finishedStatuses } from "./queue/lifecycle";
import { listJobLogs } from "./logs";
import { getJob } from "./queries";
import type { JobOut } from "./schemas";

const POLL_MS = 1000;
// Comment lines keep proxies from closing a quiet stream.
const KEEPALIVE_MS = 15_000;

type Emit = (event: string, data: unknown, id?: string) => void;

/** The fields of a `status` event. */
const STATUS_FIELDS = [
  "status",
  "waitingReason",
  "waitingReasonCode",
  "progress",
  "attempts",
  "placement",
  "error",
  "placedAt",
  "startedAt",
  "finishedAt",
] as const satisfies readonly (keyof JobOut)[];
export type JobStatusEvent = Pick<JobOut, (typeof STATUS_FIELDS)[number]>;

function statusOf(job: JobOut): JobStatusEvent {
  return Object.fromEntries(STATUS_FIELDS.map((k) => [k, job[k]])) as JobStatusEvent;
}

/** Follows one job until it finishes or `signal` aborts; emits as described above. */
async function follow(jobId: string, emit: Emit, signal: AbortSignal): Promise<void> {
  let job = await getJob(jobId);
  emit("snapshot", job);
  let epoch = job.history.at(-1)?.epoch ?? 0;
  let status = JSON.stringify(statusOf(job));
  const logs = await listJobLogs(jobId);
  let lastLog = logs.length ? BigInt(logs.at(-1)!.id) : null;
  while (!signal.aborted && !(finishedStatuses as readonly string[]).includes(job.status)) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    if (signal.aborted) return;
    job = await getJob(jobId);
    for (const line of job.history.filter((h) => h.epoch > epoch))
      emit("epoch", { ...line, epochs: job.progress.epochs }, String(line.epoch));
    epoch = Math.max(epoch, job.history.at(-1)?.epoch ?? 0);
    const next = JSON.stringify(statusOf(job));
    if (next !== status) emit("status", statusOf(job));
    status = next;
    for (const line of await listJobLogs(jobId, lastLog)) {
      emit("log", line);
      lastLog = BigInt(line.id);
    }
  }
  if (!signal.aborted) emit("done", job);
}

/** A text/event-stream body following job `jobId`; 404s are thrown before the stream starts. */
export async function jobEventStream(jobId: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  await getJob(jobId);
  const encoder = new TextEncoder();
  const stop = new AbortController();
  signal.addEventListener("abort", () => stop.abort());
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      const emit: Emit = (event, data, id) =>
        write(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      write("retry: 2000\n\n");
      const keepalive = setInterval(() => write(": keepalive\n\n"), KEEPALIVE_MS);
      follow(jobId, emit, stop.signal)
        .catch((err: unknown) => {
          logger.error({ err, jobId }, "job event stream failed");
          emit("error", { message: "Rackmind could not read the job; reconnect to resume." });
        })
        .finally(() => {
          clearInterval(keepalive);
          if (!stop.signal.aborted) controller.close();
        });
    },
    cancel() {
      stop.abort();
    },
  });
}
