import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { StatCard } from "@/components/ui/card";
import type { ColumnProfile } from "@/lib/datasets/cleaning-report";
import type { DatasetVersionOut } from "@/lib/datasets/dataset-views";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { describeZeros, formatCount, formatShare } from "./report-format";

/** The report's headline numbers: what cleaning did to the upload. */
export function CleaningStats({ dataset }: { dataset: DatasetVersionOut }) {
  const t = useTranslations("datasets");
  const locale = asLocale(useLocale());
  const c = dataset.cleaning;
  const missingCells = Object.values(c.missing).reduce((a, b) => a + b, 0);
  const dropped = c.duplicatesRemoved + c.targetMissingDropped + c.rowsDroppedMissing;
  const count = (n: number) => formatCount(n, locale);
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="cleaning-stats">
      <StatCard
        label={t("stats.rows")}
        value={count(c.rows)}
        hint={t("stats.rowsHint", { uploaded: count(c.sourceRows), removed: count(dropped) })}
        testId="stat-rows"
      />
      <StatCard
        label={t("stats.duplicates")}
        value={count(c.duplicatesRemoved)}
        hint={t("stats.duplicatesHint")}
        testId="stat-duplicates"
      />
      <StatCard
        label={t("stats.missing")}
        value={count(missingCells)}
        hint={missingHint(c, missingCells, t, locale)}
        testId="stat-missing"
      />
      <StatCard
        label={t("stats.outliers")}
        value={count(c.outlierRows)}
        hint={t("stats.outliersHint", { share: formatShare(c.outlierRows, c.rows, locale), rule: "1.5×IQR" })}
        testId="stat-outliers"
      />
    </div>
  );
}

/** What happened to the missing cells, and whether zeros the count left out look missing too (`t`: datasets). */
function missingHint(c: DatasetVersionOut["cleaning"], missingCells: number, t: Translate, locale: Locale): string {
  const zeros = c.zeroSuspects?.length
    ? t("stats.zerosLookMissing", { zeros: describeZeros(c.zeroSuspects, t, locale) })
    : null;
  if (missingCells === 0) return zeros ? t("stats.noneFoundZeros", { zeros }) : t("stats.noneFound");
  const handled =
    c.missingStrategy === "impute"
      ? t("stats.imputed", { count: formatCount(c.imputed, locale) })
      : t("stats.rowsDropped", { count: c.rowsDroppedMissing });
  return zeros ? t("stats.handledZeros", { handled, zeros }) : handled;
}

function Fact({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <div className="flex gap-3 py-1.5" data-testid={testId}>
      <dt className="w-44 shrink-0 text-slate-400">{term}</dt>
      <dd className="min-w-0 text-slate-200">{children}</dd>
    </div>
  );
}

/** Column names as a list in the reader's language, or "none" (`t`: datasets). */
const list = (names: string[], t: Translate) => (names.length ? names.join(t("listSeparator")) : t("none"));

const delimiterKey: Record<string, string> = {
  ",": "comma",
  ";": "semicolon",
  "|": "pipe",
  tab: "tab",
  whitespace: "whitespace",
};

/** `name count` for each column with a non-zero count, in file order (the report's maps come back from jsonb in key order); null when none. */
function countsInFileOrder(
  columns: ColumnProfile[],
  counts: Record<string, number>,
  t: Translate,
  locale: Locale,
): string | null {
  const parts = columns.flatMap((p) =>
    counts[p.name] ? [t("facts.columnCount", { column: p.name, count: formatCount(counts[p.name]!, locale) })] : [],
  );
  return parts.length ? parts.join(t("listSeparator")) : null;
}

/** How the upload was read and cleaned, in words, with the options that were used. */
export function CleaningFacts({ dataset }: { dataset: DatasetVersionOut }) {
  const t = useTranslations("datasets");
  const tf = useTranslations("datasets.facts");
  const locale = asLocale(useLocale());
  const c = dataset.cleaning;
  const o = dataset.options as { header?: boolean; zeroMissing?: string[]; ignore?: string[]; categorical?: string[] };
  const delimiter = delimiterKey[c.delimiter];
  return (
    <dl className="divide-y divide-slate-800/70 text-[13px]" data-testid="cleaning-report">
      <Fact term={tf("readAs")}>
        {tf("readAsValue", {
          header: o.header ? tf("headerLine") : tf("noHeader"),
          delimiter: delimiter ? tf(`delimiter.${delimiter}`) : c.delimiter,
        })}
      </Fact>
      <Fact term={tf("duplicatesRemoved")}>{formatCount(c.duplicatesRemoved, locale)}</Fact>
      <Fact term={tf("missingValues")} testId="fact-missing">
        <MissingValues dataset={dataset} />
      </Fact>
      <Fact term={c.missingStrategy === "impute" ? tf("imputedCells") : tf("rowsDroppedMissing")}>
        {formatCount(c.missingStrategy === "impute" ? c.imputed : c.rowsDroppedMissing, locale)}
        {c.missingStrategy === "impute" && c.imputed === 0 && (
          <span className="text-slate-400">{c.zeroSuspects?.length ? tf("zerosKept") : tf("nothingMissing")}</span>
        )}
      </Fact>
      <Fact term={tf("rowsWithoutTarget")}>
        {tf("dropped", { count: formatCount(c.targetMissingDropped, locale) })}
      </Fact>
      <Fact term={tf("outliers")} testId="fact-outliers">
        {countsInFileOrder(c.columns, c.outliers, t, locale) ?? t("none")}
      </Fact>
      <Fact term={tf("normalisation")}>
        {c.normalisation.method === "none"
          ? tf("notScaled")
          : tf("fitted", { method: t(`normalisation.${c.normalisation.method}`) })}
      </Fact>
      <Fact term={tf("oneHot")}>
        {list(
          c.columns.flatMap((p) =>
            c.oneHot[p.name] ? [tf("oneHotColumn", { column: p.name, count: c.oneHot[p.name]!.length })] : [],
          ),
          t,
        )}
      </Fact>
      <Fact term={tf("ignored")}>{list(o.ignore ?? [], t)}</Fact>
      <Fact term={tf("bytesHash")} testId="fact-bytes-hash">
        <code className="break-all font-mono text-[12px]">{dataset.contentHash}</code>
        <span className="block text-xs text-slate-500">{tf("bytesHashNote")}</span>
      </Fact>
      <Fact term={tf("cleanedHash")} testId="fact-cleaned-hash">
        <code className="break-all font-mono text-[12px]">{dataset.cleanedHash}</code>
        <span className="block text-xs text-slate-500">{tf("cleanedHashNote")}</span>
      </Fact>
    </dl>
  );
}

/**
 * The missing counts, and what they do not count: zeros that look like "not
 * measured", or, for a version cleaned before Rackmind looked for those, that
 * nobody looked. "none" alone would read as "this data is complete".
 */
function MissingValues({ dataset }: { dataset: DatasetVersionOut }) {
  const t = useTranslations("datasets");
  const tf = useTranslations("datasets.facts");
  const locale = asLocale(useLocale());
  const c = dataset.cleaning;
  const zeroMissing = (dataset.options as { zeroMissing?: string[] }).zeroMissing ?? [];
  const counted = countsInFileOrder(c.columns, c.missing, t, locale);
  return (
    <>
      {counted ?? tf("noneFound")}
      {zeroMissing.length > 0 && (
        <span className="text-slate-400">{tf("zeroMeansMissing", { columns: list(zeroMissing, t) })}</span>
      )}
      {c.zeroSuspects === null && <span className="text-slate-400">{tf("zerosNotChecked")}</span>}
      {c.zeroSuspects && c.zeroSuspects.length > 0 && (
        <span className="text-amber-200" data-testid="fact-zero-suspects">
          {tf("zerosSuspect", { zeros: describeZeros(c.zeroSuspects, t, locale) })}
        </span>
      )}
    </>
  );
}
