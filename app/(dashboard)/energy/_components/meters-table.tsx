import { useLocale, useTranslations } from "next-intl";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { MeterOut } from "@/lib/energy/schemas";
import type { SummaryOut } from "@/lib/energy/reports/summary-schemas";
import { formatKwh, formatReadingInterval } from "./energy-format";
import { formatNumber } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

const dash = <span className="text-slate-600">—</span>;

function lastValue(m: MeterOut, t: Translate, locale: Locale): string {
  if (m.lastValue === null) return "";
  return m.kind === "register"
    ? t("lastRegister", { value: formatNumber(m.lastValue, locale, 1) })
    : `${formatNumber(m.lastValue, locale)} W`;
}

/** The site's meters: what each measured in the period, how often it is read, and when it last reported (with its last value). */
export function MetersTable({
  meters,
  inPeriod,
  nowMs,
}: {
  meters: MeterOut[];
  inPeriod: SummaryOut["meters"];
  nowMs: number;
}) {
  const t = useTranslations("energy.meters");
  const tInterval = useTranslations("energy.interval");
  const locale = asLocale(useLocale());
  const kwhOf = new Map(inPeriod.map((m) => [m.meter, m.kwh]));
  const intervalOf = new Map(inPeriod.map((m) => [m.meter, m.intervalMinutes]));
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("meter")}</Th>
        <Th>{t("scope")}</Th>
        <Th isNumeric>{t("inPeriod")}</Th>
        <Th>{t("lastReading")}</Th>
      </THead>
      <TBody>
        {meters.length === 0 && <EmptyRow colSpan={4}>{t("empty")}</EmptyRow>}
        {meters.map((m) => {
          const kwh = kwhOf.get(m.meter);
          const interval = intervalOf.get(m.meter);
          return (
            <Tr key={m.meter} testId="meter-row">
              <Td isMono className="font-medium">
                {m.meter}
                <span className="block font-sans text-[11px] font-normal text-slate-500">
                  {m.kind === "register" ? t("kindRegister") : t("kindPower")} · {t("readings", { count: m.readings })}
                  {interval
                    ? ` · ${t("readEvery", { interval: formatReadingInterval(interval, tInterval, locale) })}`
                    : ""}
                </span>
              </Td>
              <Td>
                <Badge tone={m.scope === "facility" ? "warn" : "info"}>{t(`scopeName.${m.scope}`)}</Badge>
              </Td>
              <Td isNumeric isMono>
                {kwh === undefined ? dash : formatKwh(kwh, locale)}
              </Td>
              <Td isMuted>
                <Age iso={m.lastAt} nowMs={nowMs} fallback={t("never")} />
                {m.lastValue !== null && (
                  <span className="block font-mono text-[11px] text-slate-500">{lastValue(m, t, locale)}</span>
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
