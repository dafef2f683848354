import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, TextInput } from "@/components/ui/form-controls";
import type { EnergyFindingOut } from "@/lib/energy/schemas";
import { formatCapPct, formatKw, formatPue } from "./energy-format";
import { type EnergyView, viewParams } from "./energy-query";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";

function FindingItem({ finding }: { finding: EnergyFindingOut }) {
  const t = useTranslations("energy.findings");
  const locale = asLocale(useLocale());
  if (finding.kind === "rack_power_over_cap") {
    return (
      <li className="flex items-start gap-3 py-2.5" data-testid="energy-finding" data-kind={finding.kind}>
        <span className="mt-px w-12 shrink-0">
          <Badge tone="bad" hasDot>
            {t("rack")}
          </Badge>
        </span>
        <p className="text-[13px] text-slate-300">
          {t.rich("rackDraws", {
            rack: () => (
              <Link
                href={`/racks/${encodeURIComponent(finding.site)}/${encodeURIComponent(finding.rack)}`}
                className="font-mono text-emerald-300 hover:underline"
              >
                {finding.rack}
              </Link>
            ),
            power: (chunks) => <span className="font-mono text-slate-100">{chunks}</span>,
            pct: (chunks) => <span className="font-mono font-semibold text-rose-300">{chunks}</span>,
            powerValue: formatKw(finding.powerW, locale),
            pctValue: formatCapPct(finding.capUsedPct, locale),
            cap: formatNumber(finding.capW / 1000, locale, 3),
            threshold: formatNumber(finding.thresholdPct, locale, 3),
          })}
        </p>
      </li>
    );
  }
  return (
    <li className="flex items-start gap-3 py-2.5" data-testid="energy-finding" data-kind={finding.kind}>
      <span className="mt-px w-12 shrink-0">
        <Badge tone="warn" hasDot>
          PUE
        </Badge>
      </span>
      <p className="text-[13px] text-slate-300">
        {t.rich("pueFinding", {
          pue: (chunks) => <span className="font-mono font-semibold text-amber-300">{chunks}</span>,
          target: (chunks) => <span className="font-mono text-slate-100">{chunks}</span>,
          pueValue: formatPue(finding.pue, locale),
          targetValue: formatPue(finding.target, locale),
          overhead: formatNumber(Math.round((finding.pue - 1) * 100), locale),
        })}
      </p>
    </li>
  );
}

/** The thresholds as a GET form, so a stricter view is a link too. */
function ThresholdsForm({ view }: { view: EnergyView }) {
  const t = useTranslations("energy.findings");
  const keep = { ...viewParams(view), rackCapPct: undefined, pueTarget: undefined };
  return (
    <form
      method="get"
      action="/energy"
      aria-label={t("form")}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-slate-800 px-4 py-3 text-xs text-slate-400"
    >
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <label htmlFor="energy-rack-cap-pct" className="flex items-center gap-1.5">
        {t("rackAbove")}
        <span className="w-16">
          <TextInput
            id="energy-rack-cap-pct"
            name="rackCapPct"
            type="number"
            min={1}
            max={1000}
            step="any"
            defaultValue={view.rackCapPct}
            className="text-right font-mono"
          />
        </span>
        {t("ofCap")}
      </label>
      <label htmlFor="energy-pue-target" className="flex items-center gap-1.5">
        {t("pueAbove")}
        <span className="w-16">
          <TextInput
            id="energy-pue-target"
            name="pueTarget"
            type="number"
            min={1}
            max={10}
            step="0.01"
            defaultValue={view.pueTarget}
            className="text-right font-mono"
          />
        </span>
      </label>
      <Button type="submit">{t("apply")}</Button>
    </form>
  );
}

/**
 * The energy alert hook points for this site: racks over a share of their cap
 * now, and PUE above target over the period. Findings only; sending them is
 * the alerts issue's job (GET /api/v1/energy/alerts serves the same rules).
 */
export function EnergyFindings({
  findings,
  view,
  pue,
}: {
  findings: EnergyFindingOut[];
  view: EnergyView;
  pue: number | null;
}) {
  const t = useTranslations("energy.findings");
  const locale = asLocale(useLocale());
  const strong = (chunks: ReactNode) => <span className="font-medium text-emerald-300">{chunks}</span>;
  const pct = formatNumber(view.rackCapPct, locale, 3);
  return (
    <>
      <div className="px-4">
        {findings.length === 0 ? (
          <p className="py-4 text-[13px] text-slate-400" data-testid="energy-no-findings">
            {pue === null
              ? t.rich("noFindingsPueUnknown", { strong, pct })
              : t.rich("noFindingsPueOk", {
                  strong,
                  pct,
                  pue: formatPue(pue, locale),
                  target: formatPue(view.pueTarget, locale),
                })}
          </p>
        ) : (
          <ul className="divide-y divide-slate-800/70">
            {findings.map((f) => (
              <FindingItem key={f.kind === "rack_power_over_cap" ? `rack:${f.rack}` : "pue"} finding={f} />
            ))}
          </ul>
        )}
      </div>
      <ThresholdsForm view={view} />
    </>
  );
}
