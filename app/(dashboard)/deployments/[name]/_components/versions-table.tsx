import Link from "next/link";
import { versionHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DeploymentMetrics } from "@/lib/deployments/metrics";
import { accuracyReading, errorRateReading, formatCount, latencyReading } from "../../_components/deployment-format";

/** Each version that served (or is set to serve) in the window, side by side. */
export function VersionsTable({ model, versions }: { model: string; versions: DeploymentMetrics["versions"] }) {
  return (
    <Table label="Versions in the window">
      <THead>
        <Th>Version</Th>
        <Th>Role</Th>
        <Th isNumeric>Requests</Th>
        <Th isNumeric>Errors</Th>
        <Th isNumeric>Error rate</Th>
        <Th isNumeric>p50</Th>
        <Th isNumeric>p95</Th>
        <Th isNumeric>p99</Th>
        <Th>Live accuracy</Th>
      </THead>
      <TBody>
        {versions.length === 0 && <EmptyRow colSpan={9}>No version served in this window.</EmptyRow>}
        {versions.map((v) => (
          <Tr key={v.versionId} testId="version-figures">
            <Td isMono>
              <Link href={versionHref(model, v.version)} className="text-sky-300 hover:underline">
                v{v.version}
              </Link>
            </Td>
            <Td>{v.role}</Td>
            <Td isNumeric>{formatCount(v.requests)}</Td>
            <Td isNumeric>{formatCount(v.errors)}</Td>
            {[
              errorRateReading(v.errorRate),
              ...[v.latencyMs.p50, v.latencyMs.p95, v.latencyMs.p99].map(latencyReading),
            ].map((r, i) => (
              <Td key={i} isNumeric isMuted={!r.isKnown} className={r.isKnown ? "" : "text-[11px]"}>
                {r.isKnown ? r.text : "—"}
              </Td>
            ))}
            <Td className="text-[12px]" isMuted={v.accuracy.accuracy === null}>
              {accuracyReading(v.accuracy, v.requests).text}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
