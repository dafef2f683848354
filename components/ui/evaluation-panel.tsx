import { useLocale, useTranslations } from "next-intl";
import { formatFixed, formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { EvaluationOut } from "@/lib/jobs/schemas";
import { formatShare } from "./model-figures";

/** What precision, recall and F1 are of: the second class (binary), or averaged over the classes. */
function AverageNote({ evaluation, labels }: { evaluation: EvaluationOut; labels: string[] }) {
  const t = useTranslations("verdicts.evaluation");
  return (
    <p className="mt-1 text-[11px] text-slate-500">
      {evaluation.average === "binary" ? t("ofClass", { label: labels[1] ?? "1" }) : t("macro")}
    </p>
  );
}

/** ROC AUC where it is computed; otherwise why not, never a bare 0 or blank. */
function RocAuc({ evaluation, labels }: { evaluation: EvaluationOut; labels: string[] }) {
  const t = useTranslations("verdicts.evaluation");
  const locale = asLocale(useLocale());
  if (evaluation.rocAuc !== null)
    return (
      <dd className="font-mono tabular-nums text-slate-100" data-testid="roc-auc">
        {formatFixed(evaluation.rocAuc, 3, locale)}
      </dd>
    );
  const why = labels.length > 2 ? t("rocTooManyClasses") : t("rocOneClass");
  return (
    <dd className="text-xs text-slate-500" data-testid="roc-auc">
      {why}
    </dd>
  );
}

/** Headline metrics and confusion[actual][predicted], cells shaded by their share of the actual class. */
export function EvaluationPanel({ evaluation }: { evaluation: EvaluationOut }) {
  const t = useTranslations("verdicts.evaluation");
  const locale = asLocale(useLocale());
  const { confusion, classes } = evaluation;
  const labels = classes.length ? classes : confusion.map((_, i) => String(i));
  return (
    <div className="grid gap-4 md:grid-cols-[auto_1fr]" data-testid="evaluation">
      <div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
          {(["accuracy", "precision", "recall", "f1"] as const).map((k) => (
            <div key={k} className="contents">
              <dt className="text-slate-400">{t(`metric.${k}`)}</dt>
              <dd className="font-mono tabular-nums text-slate-100">{formatShare(evaluation[k], locale)}</dd>
            </div>
          ))}
          <dt className="text-slate-400">{t("rocAuc")}</dt>
          <RocAuc evaluation={evaluation} labels={labels} />
          {evaluation.samples !== null && (
            <>
              <dt className="text-slate-400">{t("samples")}</dt>
              <dd className="font-mono tabular-nums text-slate-100">{formatNumber(evaluation.samples, locale)}</dd>
            </>
          )}
        </dl>
        <AverageNote evaluation={evaluation} labels={labels} />
      </div>
      <ConfusionMatrix confusion={confusion} labels={labels} />
    </div>
  );
}

/**
 * confusion[actual][predicted] as a table, cells shaded by their share of the
 * actual class: green on the diagonal (right), red off it (wrong). The counts
 * are the text; the shade only helps the eye.
 */
export function ConfusionMatrix({
  confusion,
  labels,
  caption,
}: {
  confusion: number[][];
  labels: string[];
  caption?: string;
}) {
  const t = useTranslations("verdicts.evaluation");
  const locale = asLocale(useLocale());
  return (
    <table aria-label={caption ?? t("confusion")} className="w-fit border-collapse text-center font-mono text-[12px]">
      <thead>
        <tr>
          <th className="px-2 py-1 text-left text-[10px] font-medium uppercase tracking-wider text-slate-500">
            {t("actualPredicted")}
          </th>
          {labels.map((l) => (
            <th key={l} scope="col" className="px-3 py-1 text-slate-400">
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {confusion.map((row, a) => {
          const total = row.reduce((s, n) => s + n, 0) || 1;
          return (
            <tr key={a}>
              <th scope="row" className="px-2 py-1 text-left text-slate-400">
                {labels[a]}
              </th>
              {row.map((n, p) => (
                <td
                  key={p}
                  className={`min-w-12 border border-slate-800 px-3 py-1.5 ${a === p ? "text-emerald-100" : "text-rose-100"}`}
                  style={{
                    backgroundColor:
                      a === p
                        ? `rgb(16 185 129 / ${0.1 + 0.5 * (n / total)})`
                        : n
                          ? `rgb(244 63 94 / ${0.1 + 0.5 * (n / total)})`
                          : undefined,
                  }}
                >
                  {formatNumber(n, locale)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
