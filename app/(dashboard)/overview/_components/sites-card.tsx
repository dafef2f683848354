import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import type { SiteOverview } from "@/lib/inventory/site-overview";

function PowerCap({ kw }: { kw: number }) {
  return (
    <>
      {kw.toLocaleString("en-US")} <span className="text-slate-500">kW</span>
    </>
  );
}

export function SitesCard({ sites, className }: { sites: SiteOverview[]; className?: string }) {
  const total = (count: (s: SiteOverview) => number) => sites.reduce((sum, s) => sum + count(s), 0);
  return (
    <Card
      title="Sites"
      description="Racks, servers and GPUs per site; power cap is the sum of rack caps."
      isFlush
      className={className}
    >
      <Table label="Sites">
        <THead>
          <Th>Site</Th>
          <Th>Timezone</Th>
          <Th isNumeric>Racks</Th>
          <Th isNumeric>Servers</Th>
          <Th isNumeric>GPUs</Th>
          <Th isNumeric>Power cap</Th>
        </THead>
        <TBody>
          {sites.length === 0 && <EmptyRow colSpan={6}>No sites yet. Create one with POST /api/v1/sites.</EmptyRow>}
          {sites.map((s) => (
            <Tr key={s.name}>
              <Td isMono>
                <Link href={`/fleet?site=${encodeURIComponent(s.name)}`} className="text-emerald-300 hover:underline">
                  {s.name}
                </Link>
              </Td>
              <Td isMuted>{s.timezone}</Td>
              <Td isNumeric>{s.racks}</Td>
              <Td isNumeric>{s.servers}</Td>
              <Td isNumeric>{s.gpus}</Td>
              <Td isNumeric>
                <PowerCap kw={s.powerCapKw} />
              </Td>
            </Tr>
          ))}
        </TBody>
        {sites.length > 1 && (
          <TFoot>
            <Td>All sites</Td>
            <Td />
            <Td isNumeric>{total((s) => s.racks)}</Td>
            <Td isNumeric>{total((s) => s.servers)}</Td>
            <Td isNumeric>{total((s) => s.gpus)}</Td>
            <Td isNumeric>
              <PowerCap kw={total((s) => s.powerCapKw)} />
            </Td>
          </TFoot>
        )}
      </Table>
    </Card>
  );
}
