import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { AlertRuleOut } from "@/lib/alerts/outputs";
import { durationWords, severityTone } from "./alert-words";
import { RuleEditor } from "./rule-editor";

/** The rules, what each checks and how it fared at its last evaluation; operators edit them in place. */
export function RulesCard({ rules, mayWrite }: { rules: AlertRuleOut[]; mayWrite: boolean }) {
  return (
    <Card
      title="Rules"
      description={mayWrite ? "Operators edit rules; every change is in the audit log." : "Operators can edit rules."}
      isFlush
      className="mb-4"
    >
      <Table label="Alert rules">
        <THead>
          <Th>Rule</Th>
          <Th>Check</Th>
          <Th>For / keep</Th>
          <Th>Severity</Th>
          <Th>Now</Th>
          <Th>Last evaluated</Th>
          {mayWrite && <Th>Action</Th>}
        </THead>
        <TBody>
          {rules.map((r) => (
            <Tr key={r.name} testId="rule-row">
              <Td isMono>
                {r.name}
                {!r.enabled && (
                  <span className="ml-2">
                    <Badge>disabled</Badge>
                  </span>
                )}
              </Td>
              <Td>
                <span className="font-mono text-[12px] text-slate-300">{r.kind}</span>{" "}
                <span className="text-xs text-slate-400">
                  {Object.entries(r.params)
                    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(",") || "any" : String(v)}`)
                    .join(", ")}
                </span>
              </Td>
              <Td isMuted>
                {durationWords(r.forSeconds)} / {durationWords(r.keepFiringForSeconds)}
              </Td>
              <Td>
                <Badge tone={severityTone[r.severity]}>{r.severity}</Badge>
              </Td>
              <Td isMuted>
                {r.alerts.firing} firing, {r.alerts.pending} pending
              </Td>
              <Td isMuted>
                {r.lastError ? (
                  <span className="text-rose-300">could not read its data: {r.lastError}</span>
                ) : r.lastEvalAt ? (
                  <>
                    <UtcTime iso={r.lastEvalAt} /> ({r.lastEvalMs} ms)
                  </>
                ) : (
                  "not yet"
                )}
              </Td>
              {mayWrite && (
                <Td>
                  <RuleEditor rule={r} />
                </Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
