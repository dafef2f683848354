import Link from "next/link";
import { formatRunKwh, formatShare } from "@/components/ui/model-figures";
import { versionHref } from "@/components/ui/model-links";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { VersionMetricPoint } from "@/components/charts/version-metrics-chart";

/** The metric chart's figures as a table: its text alternative, and the place where "not known" is said. */
export function MetricTable({ name, points }: { name: string; points: VersionMetricPoint[] }) {
  return (
    <Table label="Figures per version">
      <THead>
        <Th>Version</Th>
        <Th isNumeric>Accuracy</Th>
        <Th isNumeric>F1</Th>
        <Th>On</Th>
        <Th isNumeric>Energy</Th>
      </THead>
      <TBody>
        {points.map((p) => (
          <Tr key={p.version} testId="metric-point">
            <Td isMono>
              <Link href={versionHref(name, p.version)} className="text-sky-300 hover:underline">
                v{p.version}
              </Link>
              {p.archived && <span className="ml-1 text-slate-500">(archived)</span>}
            </Td>
            <Td isNumeric isMono>
              {p.accuracy === null ? "—" : formatShare(p.accuracy)}
            </Td>
            <Td isNumeric isMono>
              {p.f1 === null ? "—" : formatShare(p.f1)}
            </Td>
            <Td isMuted>{p.accuracy === null ? "not evaluated" : p.on}</Td>
            <Td isNumeric isMono>
              {p.energyKwh === null ? <span className="text-slate-500">not known</span> : formatRunKwh(p.energyKwh)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
