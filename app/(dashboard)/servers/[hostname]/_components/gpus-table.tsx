import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { ServerDetailGpu } from "@/lib/inventory/server-detail";

// GPU memory is reported in MiB (nvidia-smi's unit); GiB with one decimal reads better.
function formatMemory(memoryMiB: number): string {
  return `${(memoryMiB / 1024).toFixed(1)} GiB`;
}

export function GpusTable({ gpus }: { gpus: ServerDetailGpu[] }) {
  return (
    <Table label="GPUs">
      <THead>
        <Th isNumeric>Index</Th>
        <Th>Health</Th>
        <Th>Reason</Th>
        <Th>Model</Th>
        <Th isNumeric>Memory</Th>
        <Th>PCI bus</Th>
        <Th>UUID</Th>
        <Th>Health changed (UTC)</Th>
      </THead>
      <TBody>
        {gpus.length === 0 && <EmptyRow colSpan={8}>No GPU is registered in this server.</EmptyRow>}
        {gpus.map((g) => (
          <Tr key={g.uuid} testId="gpu-row">
            <Td isNumeric isMono>#{g.index}</Td>
            <Td>
              <GpuHealthBadge health={g.health} />
            </Td>
            <Td isMuted={g.health === "healthy"}>{g.healthReason ?? "—"}</Td>
            <Td isMuted className="whitespace-nowrap">{g.model}</Td>
            <Td isNumeric isMono>{formatMemory(g.memoryMiB)}</Td>
            <Td isMono isMuted>{g.pciBusId ?? "—"}</Td>
            <Td isMono isMuted>{g.uuid}</Td>
            <Td isMuted>
              <UtcTime iso={g.healthChangedAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
