import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { UtcTime } from "@/components/ui/utc-time";
import type { Judgement } from "@/lib/deployments/canary-gates";
import { evidenceOf, type DeploymentDetailOut } from "@/lib/deployments/outputs";
import { formatNumber } from "@/lib/format";
import { formatCount, formatShare } from "../../_components/deployment-format";
import { useFormatWords } from "../../_components/format-words";
import { EventKind } from "./events-log";
import { GateEvidenceTable } from "./gate-evidence-table";

const decisionTone: Record<Judgement["decision"], BadgeTone> = { wait: "neutral", pass: "good", fail: "bad" };

function Gates({ gates }: { gates: DeploymentDetailOut["gates"] }) {
  const t = useTranslations("deployments.canary");
  const { locale } = useFormatWords();
  const share = (v: number) => formatShare(v, locale);
  const steps = gates.steps.map(share).join(" → ");
  const items = [
    [t("window"), t("windowValue", { minutes: gates.windowMinutes })],
    [t("minRequests"), t("minRequestsValue", { count: formatCount(gates.minRequests, locale) })],
    [t("maxErrorIncrease"), t("points", { share: share(gates.maxErrorRateIncrease) })],
    [t("maxP95Ratio"), t("ratio", { ratio: formatNumber(gates.maxP95Ratio, locale, 3) })],
    [
      t("maxAccuracyDrop"),
      t("accuracyDropValue", { share: share(gates.maxAccuracyDrop), count: formatCount(gates.minLabels, locale) }),
    ],
    [t("steps"), gates.autoStep ? t("stepsAuto", { steps }) : t("stepsManual", { steps })],
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
  const t = useTranslations("deployments.canary");
  const tDecision = useTranslations("deployments.canary.decision");
  const { locale } = useFormatWords();
  const last = d.events.find((e) => evidenceOf(e) !== null);
  const lastEvidence = last ? evidenceOf(last) : null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-300" data-testid="canary-state">
        {d.canary ? (
          <>
            {t.rich("state", {
              canary: d.canary.version,
              stable: d.stable.version,
              share: formatShare(d.canary.weight, locale),
              since: () => {
                const startedAt = d.canary?.startedAt;
                return startedAt ? t.rich("since", { time: () => <UtcTime iso={startedAt} /> }) : null;
              },
            })}
            {d.status === "stopped" && t("stoppedNote")}
          </>
        ) : (
          t("noCanary", { version: d.stable.version })
        )}
      </p>
      {reading && (
        <section aria-label={t("current")} className="space-y-2">
          <h3 className="flex flex-wrap items-center gap-2 text-[13px] font-medium text-slate-200">
            {t("now")}
            <span data-testid="canary-reading">
              <Badge tone={decisionTone[reading.decision]} hasDot>
                {tDecision(reading.decision)}
              </Badge>
            </span>
          </h3>
          <p className="text-[12px] text-slate-400" data-stored-text>
            {reading.reason}
          </p>
          <div className="rounded border border-slate-800">
            <GateEvidenceTable evidence={reading.evidence} label={t("current")} />
          </div>
        </section>
      )}
      {last && lastEvidence && (
        <section aria-label={t("last")} className="space-y-2" data-testid="canary-last-judgement">
          <h3 className="text-[13px] font-medium text-slate-200">
            {t.rich("lastTitle", {
              time: () => <UtcTime iso={last.at} />,
              kind: () => <EventKind kind={last.kind} />,
              actor: last.actor,
            })}
          </h3>
          <p className="text-[12px] text-slate-400" data-stored-text>
            {last.message}
          </p>
          <div className="rounded border border-slate-800">
            <GateEvidenceTable evidence={lastEvidence} label={t("lastEvidence")} />
          </div>
        </section>
      )}
      <Gates gates={d.gates} />
    </div>
  );
}
