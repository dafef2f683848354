import { useLocale, useTranslations } from "next-intl";
import { EvaluationPanel } from "@/components/ui/evaluation-panel";
import { formatShare } from "@/components/ui/model-figures";
import { formatFixed } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { EvaluationOut } from "@/lib/jobs/schemas";
import type { VersionMetrics } from "@/lib/models/schemas";

/**
 * The version's figures: its evaluation (the test split; the validation split
 * or the training data when there is none, and the basis says which), and
 * beside it the kept epoch's validation and training loss and accuracy.
 */
export function Figures({ evaluation, metrics }: { evaluation: EvaluationOut | null; metrics: VersionMetrics }) {
  const t = useTranslations("models.version.figures");
  const locale = asLocale(useLocale());
  const pct = (v: number | null) => (v === null ? "—" : formatShare(v, locale));
  const loss = (v: number | null) => (v === null ? "—" : formatFixed(v, 4, locale));
  return (
    <div className="space-y-4">
      {evaluation ? (
        <EvaluationPanel evaluation={evaluation} />
      ) : (
        <p className="text-sm text-slate-400">{t("notEvaluated")}</p>
      )}
      <table aria-label={t("table")} className="text-left text-[13px]">
        <thead className="text-[11px] uppercase tracking-wider text-slate-400">
          <tr>
            <th scope="col" className="pr-6 font-medium">
              {t("rows")}
            </th>
            <th scope="col" className="pr-6 text-right font-medium">
              {t("loss")}
            </th>
            <th scope="col" className="pr-6 text-right font-medium">
              {t("accuracy")}
            </th>
          </tr>
        </thead>
        <tbody className="font-mono tabular-nums text-slate-200">
          <tr data-testid="figures-validation">
            <th scope="row" className="pr-6 font-sans font-normal text-slate-400">
              {t("validation")}
            </th>
            {metrics.validation ? (
              <>
                <td className="pr-6 text-right">{loss(metrics.validation.loss)}</td>
                <td className="pr-6 text-right">{pct(metrics.validation.accuracy)}</td>
              </>
            ) : (
              <td colSpan={2} className="font-sans text-slate-500">
                {t("noValidation")}
              </td>
            )}
          </tr>
          <tr data-testid="figures-training">
            <th scope="row" className="pr-6 font-sans font-normal text-slate-400">
              {t("training")}
              {metrics.training && (
                <span className="text-slate-500"> {t("epoch", { epoch: metrics.training.epochs })}</span>
              )}
            </th>
            {metrics.training ? (
              <>
                <td className="pr-6 text-right">{loss(metrics.training.loss)}</td>
                <td className="pr-6 text-right">{pct(metrics.training.accuracy)}</td>
              </>
            ) : (
              <td colSpan={2} className="font-sans text-slate-500">
                {t("notRecorded")}
              </td>
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
