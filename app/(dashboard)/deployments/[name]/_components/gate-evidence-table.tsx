import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { GateEvidenceOut } from "@/lib/deployments/outputs";
import { errorRateReading, formatCount, formatShare, latencyReading } from "../../_components/deployment-format";

type Side = GateEvidenceOut["stable"];

const accuracyOf = (s: Side) =>
  s.accuracy === null
    ? `not known (${formatCount(s.labelled)} labels)`
    : `${formatShare(s.accuracy)} on ${formatCount(s.labelled)} labels`;

/**
 * Both sides' figures over the gates' window beside the limit each gate
 * holds the canary to: what a judgement rested on, or what the gates read now.
 */
export function GateEvidenceTable({ evidence, label }: { evidence: GateEvidenceOut; label: string }) {
  const { stable, canary, limits } = evidence;
  const rows = [
    {
      gate: "Requests",
      stable: formatCount(stable.requests),
      canary: formatCount(canary.requests),
      limit: `each side needs ${formatCount(limits.minRequests)} before a gate decides`,
    },
    {
      gate: "Error rate",
      stable: errorRateReading(stable.errorRate).text,
      canary: errorRateReading(canary.errorRate).text,
      limit: `canary at most ${formatShare(limits.maxErrorRateIncrease)} points above stable`,
    },
    {
      gate: "p95 latency",
      stable: latencyReading(stable.p95Ms).text,
      canary: latencyReading(canary.p95Ms).text,
      limit: `canary at most ${limits.maxP95Ratio}× stable`,
    },
    {
      gate: "Live accuracy",
      stable: accuracyOf(stable),
      canary: accuracyOf(canary),
      limit: `canary at most ${formatShare(limits.maxAccuracyDrop)} points below stable, judged with ${formatCount(limits.minLabels)} labels each`,
    },
  ];
  return (
    <Table label={label}>
      <THead>
        <Th>Gate</Th>
        <Th>Stable v{stable.version}</Th>
        <Th>Canary v{canary.version}</Th>
        <Th>Limit</Th>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.gate} testId="gate-row">
            <Td>{r.gate}</Td>
            <Td className="text-[12px]">{r.stable}</Td>
            <Td className="text-[12px]">{r.canary}</Td>
            <Td isMuted className="text-[12px]">
              {r.limit}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
