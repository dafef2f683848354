import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { serverHref } from "@/components/ui/inventory-links";
import { tempColour } from "@/components/ui/heat-scale";
import { formatRackUnits } from "@/components/ui/rack-units";
import { formatTempC, formatWatts } from "@/components/ui/readings";
import { ServerStatusBadge } from "@/components/ui/server-status-badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { asLocale } from "@/lib/i18n/locales";
import type { ElevationServer } from "@/lib/inventory/rack-elevation";
import type { ServerHeat } from "@/lib/telemetry/views/fleet-heat";
import { isReadingStale, type Clock } from "./elevation-colourings";

const dash = <span className="text-slate-600">—</span>;

/** The server's readings; muted (as the drawing greys them out) once older than the stale window. */
function Readings({ reading, clock }: { reading: ServerHeat | undefined; clock: Clock }) {
  const t = useTranslations("racks.servers");
  const locale = asLocale(useLocale());
  if (!reading) {
    return (
      <>
        <Td isNumeric>{dash}</Td>
        <Td isNumeric>{dash}</Td>
      </>
    );
  }
  const isStale = isReadingStale(reading.at, clock);
  const title = isStale ? t("noReadingSince", { at: reading.at }) : t("asOf", { at: reading.at });
  return (
    <>
      <Td isNumeric isMono isMuted={isStale}>
        {reading.maxTempC === null ? (
          dash
        ) : (
          <span className="inline-flex items-center gap-1.5" title={title}>
            <span
              aria-hidden
              className="size-1.5 rounded-full"
              style={{ backgroundColor: isStale ? "rgb(100 116 139)" : tempColour(reading.maxTempC) }}
            />
            {formatTempC(reading.maxTempC, locale)}
          </span>
        )}
      </Td>
      <Td isNumeric isMono isMuted={isStale}>
        {reading.totalPowerW === null ? dash : <span title={title}>{formatWatts(reading.totalPowerW, locale)}</span>}
      </Td>
    </>
  );
}

/** The rack's servers top-down, the order a technician reads the drawing in, with their latest GPU readings. */
export function RackServersTable({
  servers,
  readings = new Map(),
  clock,
}: {
  servers: ElevationServer[];
  readings?: Map<string, ServerHeat>;
  clock: Clock;
}) {
  const t = useTranslations("racks.servers");
  const topDown = [...servers].sort((a, b) => b.positionU - a.positionU);
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("hostname")}</Th>
        <Th>{t("units")}</Th>
        <Th>{t("status")}</Th>
        <Th isNumeric>{t("gpus")}</Th>
        <Th>{t("worstGpu")}</Th>
        <Th isNumeric>{t("hottestGpu")}</Th>
        <Th isNumeric>{t("gpuPower")}</Th>
      </THead>
      <TBody>
        {topDown.length === 0 && <EmptyRow colSpan={7}>{t("empty")}</EmptyRow>}
        {topDown.map((s) => (
          <Tr key={s.hostname}>
            <Td isMono>
              <Link href={serverHref(s.hostname)} className="text-emerald-300 hover:underline">
                {s.hostname}
              </Link>
            </Td>
            <Td isMono isMuted>
              {formatRackUnits(s.positionU, s.heightU)}
            </Td>
            <Td>
              <ServerStatusBadge status={s.status} />
            </Td>
            <Td isNumeric isMono>
              {s.gpuCount}
            </Td>
            <Td>
              <span className="flex flex-wrap items-center gap-1">
                {s.worstGpuHealth ? (
                  <GpuHealthBadge health={s.worstGpuHealth} />
                ) : (
                  <span className="text-slate-500">—</span>
                )}
                {s.silentGpus > 0 && (
                  <span title={t("silentTitle", { minutes: clock.staleAfterMinutes })}>
                    <Badge tone="neutral">
                      {s.silentGpus === s.gpuCount ? t("noData") : t("someNoData", { count: s.silentGpus })}
                    </Badge>
                  </span>
                )}
              </span>
            </Td>
            <Readings reading={readings.get(s.hostname)} clock={clock} />
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
