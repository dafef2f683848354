import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { formatMatchers } from "@/lib/alerts/labels";
import type { SilenceOut } from "@/lib/alerts/outputs";
import { ExpireSilenceButton } from "./expire-silence-button";

/** Silences in force or to come, each with its matchers, reason and end; operators end them early. */
export function SilencesCard({ silences: current, mayWrite }: { silences: SilenceOut[]; mayWrite: boolean }) {
  return (
    <Card title="Silences" isFlush className="mb-4">
      <Table label="Silences">
        <THead>
          <Th>Matchers</Th>
          <Th>Why</Th>
          <Th>By</Th>
          <Th>State</Th>
          <Th>Until</Th>
          {mayWrite && <Th>Action</Th>}
        </THead>
        <TBody>
          {current.length === 0 && (
            <EmptyRow colSpan={mayWrite ? 6 : 5}>
              No silence is active. Silence a firing alert from its row above.
            </EmptyRow>
          )}
          {current.map((s) => (
            <Tr key={s.id} testId="silence-row">
              <Td isMono>{formatMatchers(s.matchers)}</Td>
              <Td>{s.comment}</Td>
              <Td isMuted>{s.createdBy}</Td>
              <Td>
                <Badge tone={s.state === "active" ? "info" : "neutral"}>{s.state}</Badge>
              </Td>
              <Td isMuted>
                <UtcTime iso={s.endsAt} />
              </Td>
              {mayWrite && (
                <Td>
                  <ExpireSilenceButton id={s.id} />
                </Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
