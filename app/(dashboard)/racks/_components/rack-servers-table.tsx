import Link from "next/link";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { serverHref } from "@/components/ui/inventory-links";
import { formatRackUnits } from "@/components/ui/rack-units";
import { ServerStatusBadge } from "@/components/ui/server-status-badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ElevationServer } from "@/lib/inventory/rack-elevation";

/** The rack's servers top-down, the order a technician reads the drawing in. */
export function RackServersTable({ servers }: { servers: ElevationServer[] }) {
  const topDown = [...servers].sort((a, b) => b.positionU - a.positionU);
  return (
    <Table label="Servers in this rack">
      <THead>
        <Th>Hostname</Th>
        <Th>Units</Th>
        <Th>Status</Th>
        <Th isNumeric>GPUs</Th>
        <Th>Worst GPU</Th>
      </THead>
      <TBody>
        {topDown.length === 0 && <EmptyRow colSpan={5}>Nothing is mounted in this rack yet.</EmptyRow>}
        {topDown.map((s) => (
          <Tr key={s.hostname}>
            <Td isMono>
              <Link href={serverHref(s.hostname)} className="text-emerald-300 hover:underline">
                {s.hostname}
              </Link>
            </Td>
            <Td isMono isMuted>{formatRackUnits(s.positionU, s.heightU)}</Td>
            <Td>
              <ServerStatusBadge status={s.status} />
            </Td>
            <Td isNumeric isMono>{s.gpuCount}</Td>
            <Td>{s.worstGpuHealth ? <GpuHealthBadge health={s.worstGpuHealth} /> : <span className="text-slate-500">—</span>}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
