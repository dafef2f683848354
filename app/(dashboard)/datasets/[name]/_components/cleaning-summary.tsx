import type { ReactNode } from "react";
import { StatCard } from "@/components/ui/card";
import type { ColumnProfile } from "@/lib/datasets/cleaning-report";
import type { DatasetVersionOut } from "@/lib/datasets/dataset-views";
import { describeZeros, formatCount, formatShare } from "./report-format";

/** The report's headline numbers: what cleaning did to the upload. */
export function CleaningStats({ dataset }: { dataset: DatasetVersionOut }) {
  const c = dataset.cleaning;
  const missingCells = Object.values(c.missing).reduce((a, b) => a + b, 0);
  const dropped = c.duplicatesRemoved + c.targetMissingDropped + c.rowsDroppedMissing;
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="cleaning-stats">
      <StatCard
        label="Rows"
        value={formatCount(c.rows)}
        hint={`of ${formatCount(c.sourceRows)} uploaded; ${formatCount(dropped)} removed`}
        testId="stat-rows"
      />
      <StatCard
        label="Duplicates removed"
        value={formatCount(c.duplicatesRemoved)}
        hint="rows equal in every kept column"
        testId="stat-duplicates"
      />
      <StatCard
        label="Missing cells"
        value={formatCount(missingCells)}
        hint={missingHint(c, missingCells)}
        testId="stat-missing"
      />
      <StatCard
        label="Outlier rows"
        value={formatCount(c.outlierRows)}
        hint={`${formatShare(c.outlierRows, c.rows)} flagged by 1.5×IQR, kept`}
        testId="stat-outliers"
      />
    </div>
  );
}

/** What happened to the missing cells, and whether zeros the count left out look missing too. */
function missingHint(c: DatasetVersionOut["cleaning"], missingCells: number): string {
  const zeros = c.zeroSuspects?.length ? `; ${describeZeros(c.zeroSuspects)} look like “not measured”` : "";
  if (missingCells === 0) return `none found${zeros}`;
  const handled =
    c.missingStrategy === "impute"
      ? `${formatCount(c.imputed)} imputed in the kept rows`
      : `${formatCount(c.rowsDroppedMissing)} rows dropped`;
  return `${handled}${zeros}`;
}

function Fact({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <div className="flex gap-3 py-1.5" data-testid={testId}>
      <dt className="w-44 shrink-0 text-slate-400">{term}</dt>
      <dd className="min-w-0 text-slate-200">{children}</dd>
    </div>
  );
}

const list = (names: string[]) => (names.length ? names.join(", ") : "none");

const delimiterName: Record<string, string> = {
  ",": "comma",
  ";": "semicolon",
  "|": "pipe",
  tab: "tab",
  whitespace: "spaces or tabs",
};

/** `name count` for each column with a non-zero count, in file order (the report's maps come back from jsonb in key order). */
function countsInFileOrder(columns: ColumnProfile[], counts: Record<string, number>): string {
  return (
    columns.flatMap((p) => (counts[p.name] ? [`${p.name} ${formatCount(counts[p.name]!)}`] : [])).join(", ") || "none"
  );
}

/** How the upload was read and cleaned, in words, with the options that were used. */
export function CleaningFacts({ dataset }: { dataset: DatasetVersionOut }) {
  const c = dataset.cleaning;
  const o = dataset.options as { header?: boolean; zeroMissing?: string[]; ignore?: string[]; categorical?: string[] };
  return (
    <dl className="divide-y divide-slate-800/70 text-[13px]" data-testid="cleaning-report">
      <Fact term="Read as">
        {o.header ? "header line" : "no header"}, {delimiterName[c.delimiter] ?? c.delimiter} separated
      </Fact>
      <Fact term="Duplicates removed">{formatCount(c.duplicatesRemoved)}</Fact>
      <Fact term="Missing values" testId="fact-missing">
        <MissingValues dataset={dataset} />
      </Fact>
      <Fact term={c.missingStrategy === "impute" ? "Imputed cells" : "Rows dropped (missing)"}>
        {formatCount(c.missingStrategy === "impute" ? c.imputed : c.rowsDroppedMissing)}
        {c.missingStrategy === "impute" && c.imputed === 0 && (
          <span className="text-slate-400">
            {c.zeroSuspects?.length
              ? " (no cell was counted missing; the zeros above were kept as values)"
              : " (nothing was missing in the kept rows)"}
          </span>
        )}
      </Fact>
      <Fact term="Rows without a target">{formatCount(c.targetMissingDropped)} dropped</Fact>
      <Fact term="Outliers (flagged)" testId="fact-outliers">
        {countsInFileOrder(c.columns, c.outliers)}
      </Fact>
      <Fact term="Normalisation">
        {c.normalisation.method === "none"
          ? "none: numeric features are not scaled"
          : `${c.normalisation.method === "zscore" ? "z-score" : "min-max"}, fitted on each training run's train split`}
      </Fact>
      <Fact term="One-hot encoded">
        {list(c.columns.flatMap((p) => (c.oneHot[p.name] ? [`${p.name} (${c.oneHot[p.name]!.length})`] : [])))}
      </Fact>
      <Fact term="Ignored columns">{list(o.ignore ?? [])}</Fact>
      <Fact term="Bytes hash" testId="fact-bytes-hash">
        <code className="break-all font-mono text-[12px]">{dataset.contentHash}</code>
        <span className="block text-xs text-slate-500">
          sha256 of the file as uploaded; the same for every version cleaned from these bytes.
        </span>
      </Fact>
      <Fact term="Cleaned hash" testId="fact-cleaned-hash">
        <code className="break-all font-mono text-[12px]">{dataset.cleanedHash}</code>
        <span className="block text-xs text-slate-500">
          sha256 of the cleaned data training reads (rows, labels, each feature&apos;s type, imputation and missing
          values): differs when the same bytes were cleaned differently.
        </span>
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
  const c = dataset.cleaning;
  const zeroMissing = (dataset.options as { zeroMissing?: string[] }).zeroMissing ?? [];
  const counted = countsInFileOrder(c.columns, c.missing);
  return (
    <>
      {counted === "none" ? "none found" : counted}
      {zeroMissing.length > 0 && <span className="text-slate-400"> (0 means missing in {list(zeroMissing)})</span>}
      {c.zeroSuspects === null && (
        <span className="text-slate-400">
          {" "}
          — zeros were not checked: this version was cleaned before Rackmind looked for zeros that mean “not measured”
        </span>
      )}
      {c.zeroSuspects && c.zeroSuspects.length > 0 && (
        <span className="text-amber-200" data-testid="fact-zero-suspects">
          {" "}
          — but {describeZeros(c.zeroSuspects)} look like “not measured” (see above)
        </span>
      )}
    </>
  );
}
