import Link from "next/link";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { tempColour } from "@/components/ui/heat-scale";
import { gpuHref } from "@/components/ui/inventory-links";
import { formatPct, formatTempC, formatWatts } from "@/components/ui/readings";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { TelemetryStateBadge } from "@/components/ui/telemetry-state-badge";
import { UtcTime } from "@/components/ui/utc-time";
import type { GpuOut } from "@/lib/inventory/schemas";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

// GPU memory is reported in MiB (nvidia-smi's unit); GiB with one decimal reads better.
function formatGiB(memoryMiB: number): string {
  return (memoryMiB / 1024).toFixed(1);
}

function Missing() {
  return <span className="text-slate-600">—</span>;
}

function Memory({ totalMiB, usedMiB }: { totalMiB: number; usedMiB: number | null }) {
  if (usedMiB === null) return <>{formatGiB(totalMiB)} GiB</>;
  return (
    <span
      title={`${formatNumber(usedMiB, untranslatedLocale, 3)} of ${formatNumber(totalMiB, untranslatedLocale, 3)} MiB used`}
    >
      {formatGiB(usedMiB)} <span className="text-slate-500">/ {formatGiB(totalMiB)} GiB</span>
    </span>
  );
}

function Temperature({ tempC }: { tempC: number | null }) {
  if (tempC === null) return <Missing />;
  return (
    <span className="inline-flex items-center justify-end gap-1.5">
      <span aria-hidden className="size-1.5 rounded-full" style={{ backgroundColor: tempColour(tempC) }} />
      {formatTempC(tempC)}
    </span>
  );
}

/**
 * The server's GPUs with their health and latest readings; each row links to
 * the GPU's page, which also has the model and PCI bus (left out here so the
 * readings fit without scrolling). Readings of a GPU gone silent are greyed:
 * they are what it last said, not what it does now.
 */
export function GpusTable({ gpus, nowMs }: { gpus: GpuOut[]; nowMs: number }) {
  return (
    <Table label="GPUs">
      <THead>
        <Th isNumeric>Index</Th>
        <Th>Health</Th>
        <Th>Reason</Th>
        <Th isNumeric>Util</Th>
        <Th isNumeric>Temp</Th>
        <Th isNumeric>Power</Th>
        <Th isNumeric>Memory</Th>
        <Th>UUID</Th>
        <Th>Health changed (UTC)</Th>
      </THead>
      <TBody>
        {gpus.length === 0 && <EmptyRow colSpan={9}>No GPU is registered in this server.</EmptyRow>}
        {gpus.map((g) => {
          const readingClass = g.stale ? "opacity-50" : "";
          return (
            <Tr key={g.uuid} testId="gpu-row">
              <Td isNumeric isMono>
                <Link
                  href={gpuHref(g.uuid)}
                  className="text-emerald-300 hover:underline"
                  aria-label={`GPU #${g.index}`}
                >
                  #{g.index}
                </Link>
              </Td>
              <Td>
                <span className="flex flex-wrap items-center gap-1">
                  <GpuHealthBadge health={g.health} />
                  <TelemetryStateBadge state={g.telemetry} lastSeenAt={g.lastSeenAt} nowMs={nowMs} />
                </span>
              </Td>
              <Td isMuted={g.health === "healthy"} className="min-w-56">
                {g.healthReason ?? "—"}
              </Td>
              <Td isNumeric isMono className={readingClass}>
                {g.utilPct == null ? <Missing /> : formatPct(g.utilPct)}
              </Td>
              <Td isNumeric isMono className={readingClass}>
                <Temperature tempC={g.tempC} />
              </Td>
              <Td isNumeric isMono className={readingClass}>
                {g.powerW == null ? <Missing /> : formatWatts(g.powerW)}
              </Td>
              <Td isNumeric isMono className={readingClass}>
                <Memory totalMiB={g.memoryMiB} usedMiB={g.memUsedMiB} />
              </Td>
              <Td isMono isMuted>
                <Link href={gpuHref(g.uuid)} className="hover:text-emerald-300 hover:underline">
                  {g.uuid}
                </Link>
              </Td>
              <Td isMuted>
                <UtcTime iso={g.healthChangedAt} />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
