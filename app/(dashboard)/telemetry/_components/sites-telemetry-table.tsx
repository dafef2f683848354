import { formatKilowatts, formatPct, formatTempC } from "@/components/ui/readings";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { SiteTelemetry } from "@/lib/telemetry/views/fleet-heat";

function ReportingBar({ reporting, total }: { reporting: number; total: number }) {
  const share = total > 0 ? reporting / total : 0;
  return (
    <div className="min-w-28">
      <p className="font-mono text-[12px] tabular-nums text-slate-200">
        {reporting} <span className="text-slate-500">/ {total}</span>
      </p>
      <div className="mt-1 h-1 overflow-hidden rounded-full bg-slate-800" aria-hidden>
        <div className="h-full rounded-full bg-emerald-500/80" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

const dash = <span className="text-slate-600">—</span>;

/** Per site: how many GPUs report, and their mean utilisation, hottest temperature and total power. */
export function SitesTelemetryTable({ sites }: { sites: SiteTelemetry[] }) {
  return (
    <Table label="Telemetry by site">
      <THead>
        <Th>Site</Th>
        <Th>Reporting</Th>
        <Th isNumeric>Avg util</Th>
        <Th isNumeric>Hottest</Th>
        <Th isNumeric>GPU power</Th>
      </THead>
      <TBody>
        {sites.length === 0 && <EmptyRow colSpan={5}>No site has GPUs yet.</EmptyRow>}
        {sites.map((s) => (
          <Tr key={s.site} testId="site-telemetry-row">
            <Td isMono className="font-medium">
              {s.site}
            </Td>
            <Td>
              <ReportingBar reporting={s.gpusReporting} total={s.gpus} />
            </Td>
            <Td isNumeric isMono>
              {s.avgUtilPct === null ? dash : formatPct(s.avgUtilPct)}
            </Td>
            <Td isNumeric isMono>
              {s.maxTempC === null ? dash : formatTempC(s.maxTempC)}
            </Td>
            <Td isNumeric isMono>
              {s.totalPowerW === null ? dash : formatKilowatts(s.totalPowerW)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
