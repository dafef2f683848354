"use client";

import { useEffect, useState } from "react";
import type { JobStatusEvent } from "@/lib/jobs/events";
import type { EpochOut, JobLogOut, JobOut } from "@/lib/jobs/schemas";

const finished = new Set(["succeeded", "failed", "cancelled"]);
// The page shows the newest lines; older ones stay in GET /api/v1/jobs/{id}/logs.
const MAX_LOG_LINES = 300;

export type LiveJob = { job: JobOut; logs: JobLogOut[]; isLive: boolean };

/**
 * The job as the server rendered it, kept current from GET /api/v1/jobs/{id}/events
 * until it finishes. EventSource reconnects on its own after a dropped
 * connection; each reconnect starts with a fresh snapshot, so nothing is lost.
 */
export function useJobEvents(initial: JobOut, initialLogs: JobLogOut[]): LiveJob {
  const [job, setJob] = useState(initial);
  const [logs, setLogs] = useState(initialLogs);
  const [isLive, setIsLive] = useState(!finished.has(initial.status));

  useEffect(() => {
    if (finished.has(initial.status)) return;
    const source = new EventSource(`/api/v1/jobs/${initial.id}/events`);
    const on = <T>(name: string, handle: (data: T) => void) =>
      source.addEventListener(name, (e) => handle(JSON.parse((e as MessageEvent<string>).data) as T));
    on<JobOut>("snapshot", (j) => setJob(j));
    on<EpochOut & { epochs: number }>("epoch", ({ epochs, ...line }) =>
      setJob((j) =>
        j.history.some((h) => h.epoch === line.epoch)
          ? j
          : { ...j, history: [...j.history, line], progress: { epoch: line.epoch, epochs } },
      ),
    );
    // Status events carry the timeline too (placedAt, startedAt, finishedAt), so it fills in live.
    on<JobStatusEvent>("status", (s) => setJob((j) => ({ ...j, ...s })));
    on<JobLogOut>("log", (line) =>
      setLogs((l) => (l.some((x) => x.id === line.id) ? l : [...l, line].slice(-MAX_LOG_LINES))),
    );
    // The finished job, evaluation and verdict included: the page's final state, no reload needed.
    on<JobOut>("done", (j) => {
      setJob(j);
      setIsLive(false);
      source.close();
    });
    return () => source.close();
  }, [initial.id, initial.status]);

  return { job, logs, isLive };
}
