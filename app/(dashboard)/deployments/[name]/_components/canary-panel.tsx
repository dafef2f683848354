import { Badge, type BadgeTone } from "@/components/ui/badge";
import { UtcTime } from "@/components/ui/utc-time";
import type { Judgement } from "@/lib/deployments/canary-gates";
import { evidenceOf, type DeploymentDetailOut } from "@/lib/deployments/outputs";
import { formatCount, formatShare } from "../../_components/deployment-format";
import { GateEvidenceTable } from "./gate-evidence-table";

const decisionWords: Record<Judgement["decision"], { word: string; tone: BadgeTone }> = {
  wait: { word: "waiting for traffic", tone: "neutral" },
  pass: { word: "passing", tone: "good" },
  fail: { word: "failing", tone: "bad" },
};

function Gates({ gates }: { gates: DeploymentDetailOut["gates"] }) {
  const items = [
    ["Window", `${gates.windowMinutes} min (whole minutes since the canary or its last step started)`],
    ["Min requests", `${formatCount(gates.minRequests)} on each side`],
    ["Max error-rate increase", `${formatShare(gates.maxErrorRateIncrease)} points`],
    ["Max p95 ratio", `${gates.maxP95Ratio}×`],
    [
      "Max accuracy drop",
      `${formatShare(gates.maxAccuracyDrop)} points, with ${formatCount(gates.minLabels)} labels each`,
    ],
    [
      "Steps",
      `${gates.steps.map(formatShare).join(" → ")}${gates.autoStep ? ", stepped by itself" : ", stepped by a person"}`,
    ],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-1 text-[12px] sm:grid-cols-[11rem_1fr]" data-testid="canary-gates">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="text-slate-200">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The canary's state: its share and start, what the gates read now (the
 * figures the worker's next judgement will see), the last judgement that
 * acted with its evidence, and the thresholds.
 */
export function CanaryPanel({
  deployment: d,
  reading,
}: {
  deployment: DeploymentDetailOut;
  reading: Judgement | null;
}) {
  const last = d.events.find((e) => evidenceOf(e) !== null);
  const lastEvidence = last ? evidenceOf(last) : null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-300" data-testid="canary-state">
        {d.canary ? (
          <>
            Canary v{d.canary.version} takes {formatShare(d.canary.weight)} of requests
            {d.canary.startedAt && (
              <>
                {" "}
                since <UtcTime iso={d.canary.startedAt} />
              </>
            )}
            ; stable v{d.stable.version} answers the rest.
            {d.status === "stopped" && " The deployment is stopped: the gates do not judge it."}
          </>
        ) : (
          <>No canary: v{d.stable.version} answers every request. Start one with PATCH canary (version, weight).</>
        )}
      </p>
      {reading && (
        <section aria-label="Current gate reading" className="space-y-2">
          <h3 className="flex flex-wrap items-center gap-2 text-[13px] font-medium text-slate-200">
            Now
            <span data-testid="canary-reading">
              <Badge tone={decisionWords[reading.decision].tone} hasDot>
                {decisionWords[reading.decision].word}
              </Badge>
            </span>
          </h3>
          <p className="text-[12px] text-slate-400">{reading.reason}</p>
          <div className="rounded border border-slate-800">
            <GateEvidenceTable evidence={reading.evidence} label="Current gate reading" />
          </div>
        </section>
      )}
      {last && lastEvidence && (
        <section aria-label="Last judgement" className="space-y-2" data-testid="canary-last-judgement">
          <h3 className="text-[13px] font-medium text-slate-200">
            Last judgement, <UtcTime iso={last.at} /> ({last.kind.replaceAll("_", " ")} by {last.actor})
          </h3>
          <p className="text-[12px] text-slate-400">{last.message}</p>
          <div className="rounded border border-slate-800">
            <GateEvidenceTable evidence={lastEvidence} label="Evidence of the last judgement" />
          </div>
        </section>
      )}
      <Gates gates={d.gates} />
    </div>
  );
}
