"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiErrorMessage } from "@/components/forms/form-wording";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";
import { ServerStatus } from "@/lib/generated/prisma/enums";

const statuses = Object.values(ServerStatus);

/**
 * Sets a server's status through the API, then re-renders the page from the
 * server so the badge and everything else show what was stored, not a guess.
 * Retiring asks once more: unlike maintenance, it is not meant to be undone.
 */
export function ServerStatusControl({ hostname, status }: { hostname: string; status: ServerStatus }) {
  const t = useTranslations("servers.statusControl");
  const ts = useTranslations("common.serverStatus");
  const errorMessage = useApiErrorMessage();
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
      setError(errorMessage(result));
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
        aria-label={t("label")}
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
            {pending === s ? t("saving") : ts(s)}
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-400">
        {t.rich("meaning", {
          status: ts(status),
          meaning: t(`meanings.${status}`),
          strong: (chunks) => <span className="font-medium text-slate-300">{chunks}</span>,
        })}
      </p>
      {confirming && (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-rose-500/30 bg-rose-500/5 px-3 py-2 text-[13px] text-rose-100">
          <span className="mr-auto">{t("confirmRetireText", { hostname })}</span>
          <Button variant="danger" onClick={() => change(confirming)}>
            {t("confirmRetire")}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(null)}>
            {t("cancel")}
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-rose-300">
          {t("failed", { reason: error })}
        </p>
      )}
    </div>
  );
}
