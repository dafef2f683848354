import Link from "next/link";
import { CodedTextView } from "@/components/ui/coded-text";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { AlertOut } from "@/lib/alerts/outputs";
import { knownSeverities, mutedBy, severityTone, stateTone, whereLabels, type Muted } from "./alert-words";
import { SilenceButton } from "./silence-button";

function MutedLine({ muted }: { muted: Muted }) {
  const t = useTranslations("alerts.table");
  if (!muted) return null;
  return (
    <p className="text-xs text-slate-400">
      {muted.kind === "silenced"
        ? t("silenced", { count: muted.count })
        : // The inhibition rule's reason is English prose from lib/alerts/inhibition.ts, not translated yet.
          t.rich("muted", { why: muted.why, stored: (chunks) => <span data-stored-text>{chunks}</span> })}
    </p>
  );
}

/** Alerts as rows: state and severity in words, the summary linking where to look, where, since when. */
export function AlertTable({
  alerts,
  mayWrite,
  empty,
  testId,
}: {
  alerts: AlertOut[];
  mayWrite: boolean;
  empty: string;
  testId: string;
}) {
  const t = useTranslations("alerts");
  const severity = useTranslations("common.severity");
  return (
    <Table label={t("table.label")}>
      <THead>
        <Th>{t("table.state")}</Th>
        <Th>{t("table.alert")}</Th>
        <Th>{t("table.where")}</Th>
        <Th>{t("table.since")}</Th>
        {mayWrite && <Th>{t("table.action")}</Th>}
      </THead>
      <TBody>
        {alerts.length === 0 && <EmptyRow colSpan={mayWrite ? 5 : 4}>{empty}</EmptyRow>}
        {alerts.map((a) => {
          const level = a.labels.severity ?? "";
          return (
            <Tr key={a.id} testId={testId}>
              <Td>
                <div className="flex flex-col items-start gap-1">
                  <Badge tone={stateTone[a.state]} hasDot>
                    {t(`state.${a.state}`)}
                  </Badge>
                  <Badge tone={severityTone[level] ?? "neutral"}>
                    {knownSeverities.has(level) ? severity(level) : level}
                  </Badge>
                </div>
              </Td>
              <Td>
                {/* Rule names and labels are identifiers (data), not words of the page: the language scan skips them. */}
                <p className="font-mono text-[12px] text-slate-300" data-stored-text>
                  {a.rule}
                </p>
                <Link href={a.annotations.link || "/alerts"} className="text-sm text-slate-100 hover:underline">
                  <CodedTextView value={a.summaryCode} fallback={a.annotations.summary} />
                </Link>
                <MutedLine muted={mutedBy(a.status)} />
              </Td>
              <Td isMuted>
                <span className="font-mono text-[11px]" data-stored-text>
                  {whereLabels(a.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(" ")}
                </span>
              </Td>
              <Td isMuted>
                <UtcTime iso={a.state === "resolved" ? a.resolvedAt : (a.firedAt ?? a.activeAt)} />
              </Td>
              {mayWrite && (
                <Td>
                  {a.status.silencedBy.length === 0 && (
                    <SilenceButton labels={a.labels} summary={a.annotations.summary} />
                  )}
                </Td>
              )}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
