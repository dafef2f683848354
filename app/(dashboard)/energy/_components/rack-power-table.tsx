import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { RackPowerOut } from "@/lib/energy/schemas";
import { formatCapPct, formatKw, formatKwh } from "./energy-format";
import { formatNumber, formatKw as formatKwCap } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";

export const TOP_RACKS = 10;

const dash = <span className="text-slate-600">—</span>;

/** Share of cap as a bar with the alert threshold marked, so "how close" reads without the number. */
function CapBar({ pct, thresholdPct, isOver }: { pct: number; thresholdPct: number; isOver: boolean }) {
  const t = useTranslations("energy.racks");
  const locale = asLocale(useLocale());
  return (
    <div className="relative h-1.5 w-full min-w-24 overflow-visible rounded-full bg-slate-800" aria-hidden>
      <div
        className={`h-full rounded-full ${isOver ? "bg-rose-500" : pct > thresholdPct * 0.8 ? "bg-amber-400" : "bg-emerald-500/80"}`}
        style={{ width: `${Math.min(100, Math.max(pct, 1))}%` }}
      />
      {thresholdPct < 100 && (
        <div
          className="absolute -top-1 h-3.5 w-px bg-rose-400/70"
          style={{ left: `${thresholdPct}%` }}
          title={t("threshold", { pct: formatNumber(thresholdPct, locale, 3) })}
        />
      )}
    </div>
  );
}

/**
 * The racks with the largest share of their power cap drawn now (latest GPU
 * power), the ones over the alert threshold highlighted, with each rack's GPU
 * energy over the period next to it.
 */
export function RackPowerTable({
  racks,
  kwhByRack,
  thresholdPct,
}: {
  racks: RackPowerOut[];
  kwhByRack: Map<string, number>;
  thresholdPct: number;
}) {
  const t = useTranslations("energy.racks");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("rack")}</Th>
        <Th isNumeric>{t("gpusReporting")}</Th>
        <Th isNumeric>{t("powerNow")}</Th>
        <Th isNumeric>{t("cap")}</Th>
        <Th>{t("share")}</Th>
        <Th isNumeric>{t("energy")}</Th>
      </THead>
      <TBody>
        {racks.length === 0 && <EmptyRow colSpan={6}>{t("empty")}</EmptyRow>}
        {racks.slice(0, TOP_RACKS).map((r) => {
          const isOver = r.capUsedPct !== null && r.capUsedPct > thresholdPct;
          const kwh = kwhByRack.get(`${r.site}/${r.rack}`);
          return (
            <tr
              key={r.rack}
              data-testid="rack-power-row"
              data-rack={r.rack}
              data-over-threshold={isOver || undefined}
              className={`transition-colors ${isOver ? "bg-rose-500/[0.07] hover:bg-rose-500/10" : "hover:bg-slate-800/40"}`}
            >
              <Td isMono>
                <Link
                  href={`/racks/${encodeURIComponent(r.site)}/${encodeURIComponent(r.rack)}`}
                  className="text-emerald-300 hover:underline"
                >
                  {r.rack}
                </Link>
                {isOver && (
                  <span className="ml-2 align-middle">
                    <Badge tone="bad" hasDot>
                      {t("over", { pct: formatNumber(thresholdPct, locale, 3) })}
                    </Badge>
                  </span>
                )}
              </Td>
              <Td isNumeric isMono>
                {formatNumber(r.gpusReporting, locale)}{" "}
                <span className="text-slate-500">/ {formatNumber(r.gpus, locale)}</span>
              </Td>
              <Td isNumeric isMono>
                {r.gpusReporting === 0 ? dash : formatKw(r.powerW, locale)}
              </Td>
              <Td isNumeric isMono>
                {r.powerCapKw === null ? dash : formatKwCap(r.powerCapKw, locale)}
              </Td>
              <Td className="w-56">
                {r.capUsedPct === null || r.gpusReporting === 0 ? (
                  <span className="text-xs text-slate-500">{r.capUsedPct === null ? t("noCap") : t("noReadings")}</span>
                ) : (
                  <div className="flex items-center gap-2.5">
                    <CapBar pct={r.capUsedPct} thresholdPct={thresholdPct} isOver={isOver} />
                    <span
                      className={`w-14 shrink-0 text-right font-mono text-[12px] tabular-nums ${isOver ? "font-semibold text-rose-300" : "text-slate-300"}`}
                      data-testid="rack-cap-pct"
                    >
                      {formatCapPct(r.capUsedPct, locale)}
                    </span>
                  </div>
                )}
              </Td>
              <Td isNumeric isMono>
                {kwh === undefined ? dash : formatKwh(kwh, locale)}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
