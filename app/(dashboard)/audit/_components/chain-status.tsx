"use client";

import { useState } from "react";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";
import { AuditChainReport } from "@/lib/audit/schemas";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

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

  async function check() {
    setState({ kind: "checking" });
    const started = performance.now();
    const result = await requestApi("GET", "/api/v1/audit/verify", { schema: AuditChainReport });
    const seconds = (performance.now() - started) / 1000;
    setState(result.ok ? { kind: "done", report: result.data, seconds } : { kind: "failed", message: result.message });
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-3" data-testid="chain-status">
      <StatusLine state={state} />
      <Button onClick={check} disabled={state.kind === "checking"}>
        {state.kind === "checking" ? "Checking…" : state.kind === "done" ? "Check again" : "Verify chain"}
      </Button>
    </div>
  );
}

function StatusLine({ state }: { state: State }) {
  switch (state.kind) {
    case "idle":
      return <p className="text-sm text-slate-400">Recompute every event&apos;s hash and link, oldest first.</p>;
    case "checking":
      return (
        <p className="text-sm text-slate-400" aria-live="polite">
          Checking the chain…
        </p>
      );
    case "failed":
      return (
        <p role="alert" className="text-sm text-rose-300">
          The check did not run: {state.message}
        </p>
      );
    case "done":
      return <Verdict report={state.report} seconds={state.seconds} />;
  }
}

function Verdict({ report, seconds }: { report: AuditChainReport; seconds: number }) {
  const took = `${formatNumber(report.checked, untranslatedLocale)} event${report.checked === 1 ? "" : "s"} checked in ${seconds.toFixed(1)} s`;
  if (!report.ok)
    return (
      <p role="alert" className="text-sm text-rose-300">
        <span className="font-semibold">
          Broken at event #{report.firstBadId}: {report.reason}.
        </span>{" "}
        <span className="text-rose-200/80">
          ({took}; the last good event is {report.headId ? `#${report.headId}` : "none"}.)
        </span>
      </p>
    );
  return (
    <p role="status" className="text-sm text-emerald-300">
      <span className="font-semibold">Chain intact:</span> {took}
      {report.headHash && (
        <>
          , head #{report.headId}{" "}
          <code title={report.headHash} className="rounded bg-slate-950/60 px-1 font-mono text-[12px] text-slate-200">
            {report.headHash.slice(0, HEAD_PREFIX_CHARS)}…
          </code>
        </>
      )}
    </p>
  );
}
