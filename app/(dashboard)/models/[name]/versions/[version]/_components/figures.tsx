import { EvaluationPanel } from "@/components/ui/evaluation-panel";
import type { EvaluationOut } from "@/lib/jobs/schemas";
import type { VersionMetrics } from "@/lib/models/schemas";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const loss = (v: number | null) => (v === null ? "—" : v.toFixed(4));

/**
 * The version's figures: its evaluation (the test split; the validation split
 * or the training data when there is none, and the basis says which), and
 * beside it the kept epoch's validation and training loss and accuracy.
 */
export function Figures({ evaluation, metrics }: { evaluation: EvaluationOut | null; metrics: VersionMetrics }) {
  return (
    <div className="space-y-4">
      {evaluation ? (
        <EvaluationPanel evaluation={evaluation} />
      ) : (
        <p className="text-sm text-slate-400">Not evaluated: run an evaluation job on it to give it figures.</p>
      )}
      <table aria-label="Validation and training figures" className="text-left text-[13px]">
        <thead className="text-[11px] uppercase tracking-wider text-slate-400">
          <tr>
            <th scope="col" className="pr-6 font-medium">
              Rows
            </th>
            <th scope="col" className="pr-6 text-right font-medium">
              Loss
            </th>
            <th scope="col" className="pr-6 text-right font-medium">
              Accuracy
            </th>
          </tr>
        </thead>
        <tbody className="font-mono tabular-nums text-slate-200">
          <tr data-testid="figures-validation">
            <th scope="row" className="pr-6 font-sans font-normal text-slate-400">
              Validation split
            </th>
            {metrics.validation ? (
              <>
                <td className="pr-6 text-right">{loss(metrics.validation.loss)}</td>
                <td className="pr-6 text-right">{pct(metrics.validation.accuracy)}</td>
              </>
            ) : (
              <td colSpan={2} className="font-sans text-slate-500">
                none: the run had no validation split
              </td>
            )}
          </tr>
          <tr data-testid="figures-training">
            <th scope="row" className="pr-6 font-sans font-normal text-slate-400">
              Training data
              {metrics.training && <span className="text-slate-500"> (epoch {metrics.training.epochs})</span>}
            </th>
            {metrics.training ? (
              <>
                <td className="pr-6 text-right">{loss(metrics.training.loss)}</td>
                <td className="pr-6 text-right">{pct(metrics.training.accuracy)}</td>
              </>
            ) : (
              <td colSpan={2} className="font-sans text-slate-500">
                not recorded
              </td>
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
