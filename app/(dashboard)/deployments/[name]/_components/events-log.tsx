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

/** Every change to the deployment, newest first, each automatic decision with the evidence it rested on. */
export function EventsLog({ events }: { events: DeploymentEventOut[] }) {
  return (
    <Table label="Deployment events">
      <THead>
        <Th>At (UTC)</Th>
        <Th>Event</Th>
        <Th>By</Th>
        <Th>What</Th>
      </THead>
      <TBody>
        {events.length === 0 && <EmptyRow colSpan={4}>No events.</EmptyRow>}
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
                  {e.kind.replaceAll("_", " ")}
                  {isAutomatic ? " (automatic)" : ""}
                </Badge>
              </Td>
              <Td isMono isMuted className="align-top">
                {e.actor}
              </Td>
              <Td className="text-[12px]">
                <p>{e.message}</p>
                {evidence && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-slate-400">
                      Evidence over {evidence.windowMinutes} min
                    </summary>
                    <div className="mt-1 rounded border border-slate-800">
                      <GateEvidenceTable evidence={evidence} label={`Evidence of event ${e.id}`} />
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
