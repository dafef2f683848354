import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { rackHref } from "@/components/ui/inventory-links";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RackSummary } from "@/lib/inventory/rack-elevation";
import { UnitsBar } from "./units-bar";

const gpus = (n: number) => `${n} GPU${n === 1 ? "" : "s"}`;

function Attention({ rack }: { rack: RackSummary }) {
  const marks = [
    rack.gpus.failed > 0 && (
      <Badge key="f" tone="bad" hasDot>
        {gpus(rack.gpus.failed)} failed
      </Badge>
    ),
    rack.gpus.degraded > 0 && (
      <Badge key="d" tone="warn" hasDot>
        {gpus(rack.gpus.degraded)} degraded
      </Badge>
    ),
    rack.silentGpus > 0 && <Badge key="s">{gpus(rack.silentGpus)} no data</Badge>,
    rack.servers.maintenance > 0 && (
      <Badge key="m" tone="warn" hasDot>
        {rack.servers.maintenance} in maintenance
      </Badge>
    ),
    rack.servers.retired > 0 && <Badge key="r">{rack.servers.retired} retired</Badge>,
  ].filter(Boolean);
  return marks.length > 0 ? (
    <div className="flex flex-wrap gap-1.5">{marks}</div>
  ) : (
    <span className="text-slate-500">—</span>
  );
}

/** One site's racks: fill, servers, GPUs, power cap, and what needs a look. */
export function RacksTable({ site, racks }: { site: string; racks: RackSummary[] }) {
  return (
    <Table label={`Racks at ${site}`}>
      <THead>
        <Th>Rack</Th>
        <Th>Units used</Th>
        <Th isNumeric>Servers</Th>
        <Th isNumeric>GPUs</Th>
        <Th isNumeric>Power cap</Th>
        <Th>Needs a look</Th>
        <Th>
          <span className="sr-only">Elevation</span>
        </Th>
      </THead>
      <TBody>
        {racks.map((r) => (
          <Tr key={r.name} testId="rack-row">
            <Td isMono className="font-medium">
              <Link href={rackHref(r.site, r.name)} className="text-emerald-300 hover:underline">
                {r.name}
              </Link>
            </Td>
            <Td className="w-48">
              <UnitsBar usedU={r.usedU} heightU={r.heightU} />
            </Td>
            <Td isNumeric isMono>
              {r.serverCount}
            </Td>
            <Td isNumeric isMono>
              {r.gpuCount}
            </Td>
            <Td isNumeric isMono>
              {r.powerCapKw === null ? (
                "—"
              ) : (
                <>
                  {r.powerCapKw.toLocaleString("en-US")} <span className="text-slate-500">kW</span>
                </>
              )}
            </Td>
            <Td>
              <Attention rack={r} />
            </Td>
            <Td className="text-right">
              <Link
                href={rackHref(r.site, r.name)}
                className="whitespace-nowrap text-xs text-slate-400 hover:text-emerald-300"
                aria-label={`Elevation of ${r.name}`}
              >
                Elevation →
              </Link>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
