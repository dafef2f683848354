import type { EvaluationOut } from "@/lib/jobs/schemas";

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** What precision, recall and F1 are of: the second class (binary), or averaged over the classes. */
function averageNote(e: EvaluationOut, labels: string[]): string {
  return e.average === "binary" ? `of class "${labels[1] ?? "1"}"` : "macro average";
}

/** ROC AUC where it is computed; otherwise why not, never a bare 0 or blank. */
function RocAuc({ evaluation, labels }: { evaluation: EvaluationOut; labels: string[] }) {
  if (evaluation.rocAuc !== null)
    return (
      <dd className="font-mono tabular-nums text-slate-100" data-testid="roc-auc">
        {evaluation.rocAuc.toFixed(3)}
      </dd>
    );
  const why =
    labels.length > 2 ? "not computed for more than 2 classes" : "not computable: only one class among these rows";
  return (
    <dd className="text-xs text-slate-500" data-testid="roc-auc">
      {why}
    </dd>
  );
}

/** Headline metrics and confusion[actual][predicted], cells shaded by their share of the actual class. */
export function EvaluationPanel({ evaluation }: { evaluation: EvaluationOut }) {
  const { confusion, classes } = evaluation;
  const labels = classes.length ? classes : confusion.map((_, i) => String(i));
  return (
    <div className="grid gap-4 md:grid-cols-[auto_1fr]" data-testid="evaluation">
      <div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
          {(["accuracy", "precision", "recall", "f1"] as const).map((k) => (
            <div key={k} className="contents">
              <dt className="text-slate-400">{k === "f1" ? "F1" : k[0]!.toUpperCase() + k.slice(1)}</dt>
              <dd className="font-mono tabular-nums text-slate-100">{pct(evaluation[k])}</dd>
            </div>
          ))}
          <dt className="text-slate-400">ROC AUC</dt>
          <RocAuc evaluation={evaluation} labels={labels} />
          {evaluation.samples !== null && (
            <>
              <dt className="text-slate-400">Samples</dt>
              <dd className="font-mono tabular-nums text-slate-100">{evaluation.samples}</dd>
            </>
          )}
        </dl>
        <p className="mt-1 text-[11px] text-slate-500">Precision, recall and F1 {averageNote(evaluation, labels)}.</p>
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
  caption = "Confusion matrix (rows: actual, columns: predicted)",
}: {
  confusion: number[][];
  labels: string[];
  caption?: string;
}) {
  return (
    <table aria-label={caption} className="w-fit border-collapse text-center font-mono text-[12px]">
      <thead>
        <tr>
          <th className="px-2 py-1 text-left text-[10px] font-medium uppercase tracking-wider text-slate-500">
            actual ╲ predicted
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
                  {n}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
