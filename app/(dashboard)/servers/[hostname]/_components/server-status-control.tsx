"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";
import { ServerStatus } from "@/lib/generated/prisma/enums";

const statuses = Object.values(ServerStatus);

const meaning: Record<ServerStatus, string> = {
  active: "in service",
  maintenance: "out of service for hands-on work, expected back",
  retired: "decommissioned; it stays in the inventory until it is removed",
};

/**
 * Sets a server's status through the API, then re-renders the page from the
 * server so the badge and everything else show what was stored, not a guess.
 * Retiring asks once more: unlike maintenance, it is not meant to be undone.
 */
export function ServerStatusControl({ hostname, status }: { hostname: string; status: ServerStatus }) {
  const router = useRouter();
  const [pending, setPending] = useState<ServerStatus | null>(null);
  const [confirming, setConfirming] = useState<ServerStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function change(next: ServerStatus) {
    setConfirming(null);
    setPending(next);
    setError(null);
    const result = await requestApi("PATCH", `/api/v1/servers/${encodeURIComponent(hostname)}`, {
      body: { status: next },
    });
    setPending(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  }

  function choose(next: ServerStatus) {
    if (next === status) return;
    if (next === "retired") setConfirming(next);
    else void change(next);
  }

  return (
    <div className="space-y-3">
      <div
        role="group"
        aria-label="Change status"
        className="inline-flex rounded-md border border-slate-700 bg-slate-950/60 p-0.5"
      >
        {statuses.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={s === status}
            disabled={pending !== null}
            onClick={() => choose(s)}
            className={`rounded px-3 py-1 text-[13px] font-medium transition-colors disabled:cursor-wait ${
              s === status
                ? "bg-slate-700 text-slate-50 shadow-sm"
                : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"
            }`}
          >
            {pending === s ? "Saving…" : s}
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-400">
        <span className="font-medium text-slate-300">{status}</span>: {meaning[status]}.
      </p>
      {confirming && (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-rose-500/30 bg-rose-500/5 px-3 py-2 text-[13px] text-rose-100">
          <span className="mr-auto">
            Retire {hostname}? It is then decommissioned and stays in the inventory until it is removed.
          </span>
          <Button variant="danger" onClick={() => change(confirming)}>
            Confirm retire
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-rose-300">
          The status was not changed: {error}
        </p>
      )}
    </div>
  );
}
