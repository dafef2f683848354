"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useApiErrorMessage } from "@/components/forms/form-wording";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";
import { AuditChainReport } from "@/lib/audit/schemas";
import { formatFixed } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";

type State =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; report: AuditChainReport; seconds: number }
  | { kind: "failed"; message: string };

const HEAD_PREFIX_CHARS = 16;

/**
 * The hash chain's verdict, on request: verifying reads every event, which is
 * too slow to repeat on each visit to the page once the log is large.
 */
export function ChainStatus() {
  const [state, setState] = useState<State>({ kind: "idle" });
  const t = useTranslations("audit.chain");
  const errorMessage = useApiErrorMessage();

  async function check() {
    setState({ kind: "checking" });
    const started = performance.now();
    const result = await requestApi("GET", "/api/v1/audit/verify", { schema: AuditChainReport });
    const seconds = (performance.now() - started) / 1000;
    setState(
      result.ok ? { kind: "done", report: result.data, seconds } : { kind: "failed", message: errorMessage(result) },
    );
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-3" data-testid="chain-status">
      <StatusLine state={state} />
      <Button onClick={check} disabled={state.kind === "checking"}>
        {state.kind === "checking" ? t("checking") : state.kind === "done" ? t("checkAgain") : t("verify")}
      </Button>
    </div>
  );
}

function StatusLine({ state }: { state: State }) {
  const t = useTranslations("audit.chain");
  switch (state.kind) {
    case "idle":
      return <p className="text-sm text-slate-400">{t("idle")}</p>;
    case "checking":
      return (
        <p className="text-sm text-slate-400" aria-live="polite">
          {t("checkingChain")}
        </p>
      );
    case "failed":
      return (
        <p role="alert" className="text-sm text-rose-300">
          {t("failed", { message: state.message })}
        </p>
      );
    case "done":
      return <Verdict report={state.report} seconds={state.seconds} />;
  }
}

function Verdict({ report, seconds }: { report: AuditChainReport; seconds: number }) {
  const t = useTranslations("audit.chain");
  const locale = asLocale(useLocale());
  const took = t("took", {
    count: report.checked,
    seconds: t("seconds", { value: formatFixed(seconds, 1, locale) }),
  });
  if (!report.ok)
    return (
      <p role="alert" className="text-sm text-rose-300">
        <span className="font-semibold">
          {t.rich("broken", {
            id: report.firstBadId ?? "",
            reason: report.reason ?? "",
            stored: (chunks) => <span data-stored-text>{chunks}</span>,
          })}
        </span>{" "}
        <span className="text-rose-200/80">
          {t("brokenDetail", { took, head: report.headId ? `#${report.headId}` : t("none") })}
        </span>
      </p>
    );
  return (
    <p role="status" className="text-sm text-emerald-300">
      <span className="font-semibold">{t("intact")}</span> {took}
      {report.headHash && (
        <>
          {t("head", { id: report.headId ?? "" })}{" "}
          <code title={report.headHash} className="rounded bg-slate-950/60 px-1 font-mono text-[12px] text-slate-200">
            {report.headHash.slice(0, HEAD_PREFIX_CHARS)}…
          </code>
        </>
      )}
    </p>
  );
}
