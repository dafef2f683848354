import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { tempColour } from "@/components/ui/heat-scale";
import { HealthCausesText } from "@/components/ui/health-causes-text";
import { gpuHref } from "@/components/ui/inventory-links";
import { formatPct, formatTempC, formatWatts } from "@/components/ui/readings";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { TelemetryStateBadge } from "@/components/ui/telemetry-state-badge";
import { UtcTime } from "@/components/ui/utc-time";
import type { GpuOut } from "@/lib/inventory/schemas";
import { formatFixed, formatGiB, formatNumber } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";

// GPU memory is reported in MiB (nvidia-smi's unit); GiB with one decimal reads better.
const gib = (memoryMiB: number, locale: Locale) => formatFixed(memoryMiB / 1024, 1, locale);

function Missing() {
  return <span className="text-slate-600">—</span>;
}

function Memory({ totalMiB, usedMiB }: { totalMiB: number; usedMiB: number | null }) {
  const t = useTranslations("servers.gpus");
  const locale = asLocale(useLocale());
  if (usedMiB === null) return <>{formatGiB(totalMiB, locale)}</>;
  return (
    <span title={t("memoryUsed", { used: formatNumber(usedMiB, locale, 3), total: formatNumber(totalMiB, locale, 3) })}>
      {gib(usedMiB, locale)} <span className="text-slate-500">/ {formatGiB(totalMiB, locale)}</span>
    </span>
  );
}

function Temperature({ tempC }: { tempC: number | null }) {
  const locale = asLocale(useLocale());
  if (tempC === null) return <Missing />;
  return (
    <span className="inline-flex items-center justify-end gap-1.5">
      <span aria-hidden className="size-1.5 rounded-full" style={{ backgroundColor: tempColour(tempC) }} />
      {formatTempC(tempC, locale)}
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
  const t = useTranslations("servers.gpus");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("label")}>
      <THead>
        <Th isNumeric>{t("index")}</Th>
        <Th>{t("health")}</Th>
        <Th>{t("reason")}</Th>
        <Th isNumeric>{t("util")}</Th>
        <Th isNumeric>{t("temp")}</Th>
        <Th isNumeric>{t("power")}</Th>
        <Th isNumeric>{t("memory")}</Th>
        <Th>UUID</Th>
        <Th>{t("healthChanged")}</Th>
      </THead>
      <TBody>
        {gpus.length === 0 && <EmptyRow colSpan={9}>{t("empty")}</EmptyRow>}
        {gpus.map((g) => {
          // Stale readings are muted and italic rather than faded: still legible (4.5:1), and not told by colour alone.
          const readingClass = g.stale ? "italic" : "";
          return (
            <Tr key={g.uuid} testId="gpu-row">
              <Td isNumeric isMono>
                <Link
                  href={gpuHref(g.uuid)}
                  className="text-emerald-300 hover:underline"
                  aria-label={t("gpuLink", { index: g.index })}
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
                <HealthCausesText causes={g.healthCauses} reason={g.healthReason} />
              </Td>
              <Td isNumeric isMono isMuted={g.stale} className={readingClass}>
                {g.utilPct == null ? <Missing /> : formatPct(g.utilPct, locale)}
              </Td>
              <Td isNumeric isMono isMuted={g.stale} className={readingClass}>
                <Temperature tempC={g.tempC} />
              </Td>
              <Td isNumeric isMono isMuted={g.stale} className={readingClass}>
                {g.powerW == null ? <Missing /> : formatWatts(g.powerW, locale)}
              </Td>
              <Td isNumeric isMono isMuted={g.stale} className={readingClass}>
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
