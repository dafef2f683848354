import { useLocale, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import type { DatasetVersionOut } from "@/lib/datasets/dataset-views";
import { formatShare, formatStat } from "./report-format";
import { ZeroMissingOffer } from "./zero-missing-offer";
import { asLocale } from "@/lib/i18n/locales";

/**
 * The columns whose exact zeros look like "not measured", each with the gap
 * that makes them look so, and the offer to re-clean with zero-means-missing
 * (operators) or who can (viewers). Nothing when no column is suspect.
 */
export function ZeroSuspectsNotice({ dataset, canReclean }: { dataset: DatasetVersionOut; canReclean: boolean }) {
  const t = useTranslations("datasets.zeroSuspects");
  const locale = asLocale(useLocale());
  const suspects = dataset.cleaning.zeroSuspects ?? [];
  if (suspects.length === 0) return null;
  const zeroMissing = Array.isArray(dataset.options.zeroMissing) ? (dataset.options.zeroMissing as string[]) : [];
  return (
    <Notice tone="warn" title={t("title")}>
      <div data-testid="zero-suspects">
        <p>{t("body")}</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-4 font-mono text-[12px]">
          {suspects.map((s) => (
            <li key={s.column} data-testid="zero-suspect">
              {t("item", {
                column: s.column,
                zeros: s.zeros,
                share: formatShare(s.zeros, dataset.rows, locale),
                min: formatStat(s.minNonZero, locale),
              })}
              <span className="text-slate-400">{t("spacing", { spacing: formatStat(s.spacing, locale) })}</span>
            </li>
          ))}
        </ul>
        {canReclean ? (
          <ZeroMissingOffer
            name={dataset.name}
            version={dataset.version}
            suspects={suspects.map((s) => s.column)}
            zeroMissing={zeroMissing}
          />
        ) : (
          <p className="mt-1 text-slate-400">{t("operatorCan")}</p>
        )}
      </div>
    </Notice>
  );
}
