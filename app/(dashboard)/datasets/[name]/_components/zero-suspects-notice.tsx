import { Notice } from "@/components/ui/notice";
import type { DatasetVersionOut } from "@/lib/datasets/dataset-views";
import { formatShare, formatStat } from "./report-format";
import { ZeroMissingOffer } from "./zero-missing-offer";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

/**
 * The columns whose exact zeros look like "not measured", each with the gap
 * that makes them look so, and the offer to re-clean with zero-means-missing
 * (operators) or who can (viewers). Nothing when no column is suspect.
 */
export function ZeroSuspectsNotice({ dataset, canReclean }: { dataset: DatasetVersionOut; canReclean: boolean }) {
  const suspects = dataset.cleaning.zeroSuspects ?? [];
  if (suspects.length === 0) return null;
  const zeroMissing = Array.isArray(dataset.options.zeroMissing) ? (dataset.options.zeroMissing as string[]) : [];
  return (
    <Notice tone="warn" title="Zeros that look like “not measured”">
      <div data-testid="zero-suspects">
        <p>
          These columns have exact zeros far below every other value. They are counted as real values, not as missing,
          so their statistics and any model trained on them include them.
        </p>
        <ul className="mt-1 list-disc space-y-0.5 pl-4 font-mono text-[12px]">
          {suspects.map((s) => (
            <li key={s.column} data-testid="zero-suspect">
              {s.column}: {formatNumber(s.zeros, untranslatedLocale, 3)} zeros ({formatShare(s.zeros, dataset.rows)} of
              rows), then nothing below {formatStat(s.minNonZero)}
              <span className="text-slate-400"> (values near the bottom are ~{formatStat(s.spacing)} apart)</span>
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
          <p className="mt-1 text-slate-400">
            An operator can re-clean this version with 0 as missing in these columns.
          </p>
        )}
      </div>
    </Notice>
  );
}
