import { useLocale, useTranslations } from "next-intl";
import { formatKilowatts, formatPct, formatTempC } from "@/components/ui/readings";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { SiteTelemetry } from "@/lib/telemetry/views/fleet-heat";

function ReportingBar({ reporting, total }: { reporting: number; total: number }) {
  const locale = asLocale(useLocale());
  const share = total > 0 ? reporting / total : 0;
  return (
    <div className="min-w-28">
      <p className="font-mono text-[12px] tabular-nums text-slate-200">
        {formatNumber(reporting, locale)} <span className="text-slate-500">/ {formatNumber(total, locale)}</span>
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
  const t = useTranslations("telemetry.bySite");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("site")}</Th>
        <Th>{t("reporting")}</Th>
        <Th isNumeric>{t("avgUtil")}</Th>
        <Th isNumeric>{t("hottest")}</Th>
        <Th isNumeric>{t("power")}</Th>
      </THead>
      <TBody>
        {sites.length === 0 && <EmptyRow colSpan={5}>{t("empty")}</EmptyRow>}
        {sites.map((s) => (
          <Tr key={s.site} testId="site-telemetry-row">
            <Td isMono className="font-medium">
              {s.site}
            </Td>
            <Td>
              <ReportingBar reporting={s.gpusReporting} total={s.gpus} />
            </Td>
            <Td isNumeric isMono>
              {s.avgUtilPct === null ? dash : formatPct(s.avgUtilPct, locale)}
            </Td>
            <Td isNumeric isMono>
              {s.maxTempC === null ? dash : formatTempC(s.maxTempC, locale)}
            </Td>
            <Td isNumeric isMono>
              {s.totalPowerW === null ? dash : formatKilowatts(s.totalPowerW, locale)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
