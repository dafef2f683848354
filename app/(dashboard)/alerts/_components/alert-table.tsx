import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { AlertOut } from "@/lib/alerts/outputs";
import { mutedWords, severityTone, stateTone, whereLabels } from "./alert-words";
import { SilenceButton } from "./silence-button";

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
  return (
    <Table label="Alerts">
      <THead>
        <Th>State</Th>
        <Th>Alert</Th>
        <Th>Where</Th>
        <Th>Since</Th>
        {mayWrite && <Th>Action</Th>}
      </THead>
      <TBody>
        {alerts.length === 0 && <EmptyRow colSpan={mayWrite ? 5 : 4}>{empty}</EmptyRow>}
        {alerts.map((a) => {
          const muted = mutedWords(a.status);
          return (
            <Tr key={a.id} testId={testId}>
              <Td>
                <div className="flex flex-col items-start gap-1">
                  <Badge tone={stateTone[a.state]} hasDot>
                    {a.state}
                  </Badge>
                  <Badge tone={severityTone[a.labels.severity ?? ""] ?? "neutral"}>{a.labels.severity}</Badge>
                </div>
              </Td>
              <Td>
                <p className="font-mono text-[12px] text-slate-300">{a.rule}</p>
                <Link href={a.annotations.link || "/alerts"} className="text-sm text-slate-100 hover:underline">
                  {a.annotations.summary}
                </Link>
                {muted && <p className="text-xs text-slate-400">{muted}</p>}
              </Td>
              <Td isMuted>
                <span className="font-mono text-[11px]">
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
