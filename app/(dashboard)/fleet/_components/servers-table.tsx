import Link from "next/link";
import { hrefWith } from "@/components/ui/pager";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ServerOut } from "@/lib/inventory/schemas";
import { ServerStatusBadge } from "./server-status-badge";

// Rack units are counted from the bottom; a server occupies positionU up to positionU + heightU - 1.
function rackUnits(s: ServerOut): string {
  return s.heightU > 1 ? `U${s.positionU}–U${s.positionU + s.heightU - 1}` : `U${s.positionU}`;
}

export function ServersTable({ servers }: { servers: ServerOut[] }) {
  return (
    <Table label="Servers">
      <THead>
        <Th>Hostname</Th>
        <Th>Status</Th>
        <Th>Site</Th>
        <Th>Rack</Th>
        <Th>Position</Th>
        <Th>Model</Th>
        <Th>Serial</Th>
        <Th isNumeric>GPUs</Th>
      </THead>
      <TBody>
        {servers.length === 0 && <EmptyRow colSpan={8}>No server matches these filters.</EmptyRow>}
        {servers.map((s) => (
          <Tr key={s.hostname} testId="server-row">
            <Td isMono className="font-medium text-slate-50">{s.hostname}</Td>
            <Td>
              <ServerStatusBadge status={s.status} />
            </Td>
            <Td isMono isMuted>{s.site}</Td>
            <Td isMono>
              <Link href={hrefWith("/fleet", { site: s.site, rack: s.rack })} className="hover:text-emerald-300 hover:underline" title={`Only rack ${s.rack}`}>
                {s.rack}
              </Link>
            </Td>
            <Td isMono isMuted>{rackUnits(s)}</Td>
            <Td isMuted>{s.model ?? "—"}</Td>
            <Td isMono isMuted>{s.serial ?? "—"}</Td>
            <Td isNumeric isMono>{s.gpuCount}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
