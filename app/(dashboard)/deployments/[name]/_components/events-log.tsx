import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { evidenceOf, type DeploymentEventOut } from "@/lib/deployments/outputs";
import { GateEvidenceTable } from "./gate-evidence-table";

const kindTone: Record<string, BadgeTone> = {
  created: "info",
  rolled_back: "bad",
  promoted: "good",
  canary_stepped: "accent",
  ready: "good",
  alias_followed: "info",
};

/** The kinds lib/deployments writes; another (a newer worker's) shows as stored, untranslated. */
export const EVENT_KINDS = new Set(Object.keys(kindTone).concat("updated"));

/** An event's kind in words, "(automatic)" when the system decided. */
export function EventKind({ kind, isAutomatic = false }: { kind: string; isAutomatic?: boolean }) {
  const t = useTranslations("deployments.events");
  if (!EVENT_KINDS.has(kind)) return <span data-stored-text>{kind.replaceAll("_", " ")}</span>;
  const word = t(`kind.${kind}`);
  return <>{isAutomatic ? t("automatic", { kind: word }) : word}</>;
}

/** Every change to the deployment, newest first, each automatic decision with the evidence it rested on. */
export function EventsLog({ events }: { events: DeploymentEventOut[] }) {
  const t = useTranslations("deployments.events");
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("at")}</Th>
        <Th>{t("event")}</Th>
        <Th>{t("by")}</Th>
        <Th>{t("what")}</Th>
      </THead>
      <TBody>
        {events.length === 0 && <EmptyRow colSpan={4}>{t("empty")}</EmptyRow>}
        {events.map((e) => {
          const evidence = evidenceOf(e);
          const isAutomatic = (e.details as { automatic?: unknown } | null)?.automatic === true;
          return (
            <Tr key={e.id} testId="deployment-event">
              <Td isMuted className="align-top">
                <UtcTime iso={e.at} />
              </Td>
              <Td className="align-top">
                <Badge tone={kindTone[e.kind] ?? "neutral"}>
                  <EventKind kind={e.kind} isAutomatic={isAutomatic} />
                </Badge>
              </Td>
              <Td isMono isMuted className="align-top">
                {e.actor}
              </Td>
              <Td className="text-[12px]">
                <p data-stored-text>{e.message}</p>
                {evidence && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-slate-400">
                      {t("evidenceOver", { minutes: evidence.windowMinutes })}
                    </summary>
                    <div className="mt-1 rounded border border-slate-800">
                      <GateEvidenceTable evidence={evidence} label={t("evidenceOf", { id: e.id })} />
                    </div>
                  </details>
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
