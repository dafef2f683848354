/**
 * The verdict in words: one sentence per check, a summary and a suggestion,
 * each carrying its numbers, for the Job page and the API. Pure formatting of
 * what lib/training/judge/verdict.ts decided; no judgement here.
 */
import { coded, type CodedText } from "../../i18n/coded-text";
import type { Baseline } from "./baselines";
import type { Convergence, EpochMetrics, EvaluatedOn, OverfittingEvidence, VerdictKind } from "../schemas";
import type { ScoredModel } from "./verdict";

export type Wording = {
  kind: VerdictKind;
  evaluation: ScoredModel;
  evaluatedOn: EvaluatedOn;
  heldOut: boolean | null;
  /** Evaluation jobs: the dataset version scored. */
  dataset?: string;
  convergence: Convergence | null;
  overfitting: OverfittingEvidence | null;
  baselines: Baseline[];
  /** The best baseline by F1. */
  best: Baseline | null;
  /** The baseline the model is worse than (verdict.worseThan), whatever the verdict's kind. */
  worse: Baseline | null;
  margin: number;
  selectsOnValidation: boolean;
};

const f3 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(3);
const f4 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(4);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "n/a" : `${Math.round(x * 100)}%`;
const rows = (n: number) => `${n} row${n === 1 ? "" : "s"}`;

/** "F1 of class "yes"" (binary) or "macro F1". */
export function f1Name(e: Pick<ScoredModel, "average" | "classes">): string {
  return e.average === "binary" ? `F1 of class "${e.classes[1] ?? "1"}"` : "macro F1";
}

/** Which rows the figures are on, and whether that is held out. */
export function basisStatement(
  w: Pick<Wording, "evaluatedOn" | "heldOut" | "dataset" | "selectsOnValidation"> & {
    evaluation: Pick<ScoredModel, "samples">;
  },
): string {
  const n = rows(w.evaluation.samples);
  switch (w.evaluatedOn) {
    case "test":
      return `Figures are on the held-out test split (${n}).`;
    case "validation":
      return w.selectsOnValidation
        ? `Figures are on the validation split (${n}): held out from fitting, but early stopping or the learning-rate schedule also chose by it, so they are somewhat optimistic (the split has no test part).`
        : `Figures are on the held-out validation split (${n}); the split has no test part.`;
    case "train":
      return `Figures are on the training data (${n}): the split has no test or validation part, so they are not held out and measure fitting, not generalisation.`;
    case "all":
      return w.heldOut === false
        ? `Figures are on every row of ${w.dataset ?? "the dataset"} (${n}), the dataset version the model was trained on: they include its training rows, so they are not held out.`
        : `Figures are on every row of ${w.dataset ?? "the dataset"} (${n}), not the dataset version the model was trained on.`;
  }
}

/** A relative change of a loss as the reader sees it: "−67%", "+0.4%". */
function change(relativeDrop: number): string {
  const x = -relativeDrop * 100;
  const digits = Math.abs(x) < 1 ? 2 : Math.abs(x) < 10 ? 1 : 0;
  return `${x < 0 ? "−" : "+"}${Math.abs(x).toFixed(digits)}%`;
}

export function convergenceStatement(history: readonly EpochMetrics[], c: Convergence): string {
  switch (c.reason) {
    case "no epochs trained":
      return "No epoch was trained.";
    case "too few epochs to judge":
      return `Too few epochs (${history.length}) to judge convergence.`;
    case "loss not finite": {
      const at = history.find((h) => !Number.isFinite(h.loss));
      return `Training loss became non-finite${at ? ` at epoch ${at.epoch}` : ""}: the weights diverged.`;
    }
  }
  const e = c.evidence;
  if (!e) return `Convergence: ${c.reason}.`;
  const span = `over the last ${e.window} epochs, ${f4(e.first)} → ${f4(e.last)} (${change(e.relativeChange)})`;
  const chance =
    e.chanceLoss !== undefined
      ? `chance level ${f4(e.chanceLoss)} (what predicting the class frequencies scores)`
      : "chance level";
  if (c.reason === "loss flat")
    return `Training loss stayed flat ${span}, ${e.chanceLoss !== undefined && e.last >= e.chanceLoss ? "no better than" : "near"} ${chance}.`;
  if (c.reason === "loss increasing") return `Training loss rose ${span} and is near ${chance}.`;
  if (c.reason === "loss settled below chance level") return `Training loss settled ${span}, well below ${chance}.`;
  return `Training loss fell ${span}${e.chanceLoss !== undefined && e.last < e.chanceLoss ? `, below ${chance}` : ""}.`;
}

export function overfittingStatement(o: OverfittingEvidence | null): string | null {
  if (!o) return null;
  if (!o.judged) {
    return o.reason === "no validation split"
      ? "No validation split: overfitting cannot be judged (give the split a validation part to watch for it)."
      : "Too few epochs with a validation loss to judge overfitting.";
  }
  const min = `${f4(o.minValLoss)} at epoch ${o.minValLossEpoch}`;
  const rise =
    o.valLossAtKept !== null && o.valLossAtKept !== undefined && o.minValLoss
      ? o.valLossAtKept / o.minValLoss - 1
      : null;
  if (o.isOverfit) {
    return `Validation loss was lowest (${min}); ${o.epochsSinceMin} epochs later, at epoch ${o.keptEpoch}, it is ${f4(o.valLossAtKept)} (${pct(rise)} higher; the last epochs average ${pct(o.recentRise)} above the minimum) while training loss fell from ${f4(o.trainLossAtMin)} to ${f4(o.trainLossAtKept)}.`;
  }
  if (o.wholeRunIsOverfit) {
    return `Validation loss rose later in the run (lowest ${min}, ${pct(o.recentRise)} above that over the last epochs) while training loss kept falling, but early stopping restored the weights of epoch ${o.keptEpoch} (validation loss ${f4(o.valLossAtKept)}): the kept model is from before the rise, not overfit.`;
  }
  const kept =
    o.wholeRunIsOverfit === false
      ? `Early stopping kept the weights of epoch ${o.keptEpoch} (validation loss ${f4(o.valLossAtKept)}). `
      : "";
  if ((o.recentRise ?? 0) >= 0.1 && (o.trainLossAtKept ?? 0) >= (o.trainLossAtMin ?? 0)) {
    return `${kept}Validation loss is ${pct(o.recentRise)} above its minimum (${min}), but training loss did not fall over the same epochs: not the overfitting pattern.`;
  }
  if ((o.recentRise ?? 0) >= 0.1)
    return `${kept}Validation loss has been above its minimum (${min}) for only ${o.epochsSinceMin} epochs: too soon to call overfitting.`;
  return `${kept}No sign of overfitting: validation loss stays within ${pct(o.recentRise)} of its minimum (${min}) over the last epochs.`;
}

export function baselineStatement(w: Wording): string {
  const e = w.evaluation;
  const auc = e.rocAuc !== null && Number.isFinite(e.rocAuc) ? `, ROC AUC ${f3(e.rocAuc)}` : "";
  const against = w.baselines.map((b) => `${b.description} ${f3(b.f1)}`).join(", ");
  const head = `Model ${f1Name(e)} ${f3(e.f1)} (accuracy ${pct(e.accuracy)}${auc}) against baselines on the same rows: ${against}`;
  if (w.worse) {
    const gap = w.worse.f1 - e.f1;
    return gap > w.margin
      ? `${head}. That is ${f3(gap)} below the ${w.worse.description}, more than the ${f3(w.margin)} margin.`
      : `${head}. That is no better than the ${w.worse.description} (F1 and accuracy both at or below it).`;
  }
  return w.best
    ? `${head}. Not worse than the best baseline (margin ${f3(w.margin)}, wider on small splits).`
    : `${head}.`;
}

const notConvergedSummary: Record<string, string> = {
  "loss flat":
    "Not converged: the training loss stayed flat near chance level, so the model learnt nothing from the features.",
  "loss increasing": "Not converged: the training loss rose and stays near chance level.",
  "loss not finite": "Not converged: the training loss became non-finite (the weights diverged).",
  "no epochs trained": "Not converged: no epoch was trained.",
};

export function summaryOf(w: Wording): string {
  const e = w.evaluation;
  const o = w.overfitting;
  switch (w.kind) {
    case "not_converged":
      return notConvergedSummary[w.convergence?.reason ?? ""] ?? `Not converged: ${w.convergence?.reason}.`;
    case "overfitting":
      return `Overfitting: validation loss rose ${pct(o?.recentRise)} above its minimum (epoch ${o?.minValLossEpoch}) over ${o?.epochsSinceMin} epochs while training loss kept falling.`;
    case "worse_than_baseline":
      return `Worse than a baseline: ${f1Name(e)} ${f3(e.f1)} against ${f3(w.worse?.f1)} for the ${w.worse?.description}, on the same rows.`;
    case "good": {
      const relation = !w.best
        ? ""
        : e.f1 > w.best.f1
          ? " beats"
          : e.f1 === w.best.f1
            ? " matches"
            : ` is within ${f3(w.margin)} of`;
      const versus = w.best ? `${relation} the best baseline, the ${w.best.description} at ${f3(w.best.f1)}` : "";
      const where =
        w.heldOut !== false
          ? ""
          : w.evaluatedOn === "all"
            ? "; on rows that include its training data, not held out"
            : "; on the training data, not held out";
      return `Good: ${f1Name(e)} ${f3(e.f1)}${versus}${o?.judged ? ", with no overfitting" : ""}${where}.`;
    }
  }
}

export function suggestionOf(w: Wording): string | null {
  switch (w.kind) {
    case "not_converged":
      return w.convergence?.suggestion ?? "Lower the learning rate (÷10), or use Adam.";
    case "overfitting": {
      const m = w.overfitting?.minValLossEpoch;
      return `Turn on early stopping (e.g. "earlyStopping": {"patience": 10}) to keep the weights of about epoch ${m}, or train about ${m} epochs; more data, dropout or a smaller network also help.`;
    }
    case "worse_than_baseline":
      return w.worse?.kind === "logistic_regression"
        ? `A linear model does better on these features: train longer or with Adam at a lower learning rate, try a smaller network, or use logistic regression itself ("hidden": []).`
        : `The model does no better than always predicting "${w.worse?.label}": check the class balance and the target column, lower the learning rate, or train longer.`;
    case "good":
      if (w.heldOut !== false) return null;
      // Four XOR points cannot spare any: the figures honestly show fitting, and that is all there is.
      if (w.evaluatedOn === "train" && w.evaluation.samples < 20) return null;
      return w.evaluatedOn === "all"
        ? "Evaluate it on a dataset version it was not trained on for a held-out figure."
        : `Give the split a test part (e.g. "split": {"train": 0.7, "validation": 0.15, "test": 0.15}) to measure the model on rows it never saw.`;
  }
}

/** The values naming the metric and a baseline in the catalogue's verdict messages (states.verdict.*). */
function metricParams(e: Pick<ScoredModel, "average" | "classes">) {
  return e.average === "binary" ? { metric: "binary", cls: e.classes[1] ?? "1" } : { metric: "macro" };
}

function baselineParams(b: Baseline | null, prefix: string) {
  if (!b) return {};
  if (b.kind === "majority_class") return { [`${prefix}Kind`]: "majority_class", [`${prefix}Label`]: b.label ?? "" };
  const sampled = b.rows !== undefined && b.ofRows !== undefined && b.rows !== b.ofRows;
  return {
    [`${prefix}Kind`]: sampled ? "logistic_sampled" : "logistic_regression",
    // Strings: the English text prints row counts without grouping.
    [`${prefix}Rows`]: String(b.rows ?? 0),
    [`${prefix}OfRows`]: String(b.ofRows ?? b.rows ?? 0),
  };
}

const notConvergedCodes: Record<string, string> = {
  "loss flat": "verdict.summary.notConvergedFlat",
  "loss increasing": "verdict.summary.notConvergedRising",
  "loss not finite": "verdict.summary.notConvergedNonFinite",
  "no epochs trained": "verdict.summary.notConvergedNoEpochs",
};

/** summaryOf as a catalogue key and values; null where the words come from elsewhere (an unknown convergence reason). */
export function summaryCodeOf(w: Wording): CodedText | null {
  const e = w.evaluation;
  const o = w.overfitting;
  switch (w.kind) {
    case "not_converged": {
      const code = notConvergedCodes[w.convergence?.reason ?? ""];
      return code ? coded(code) : null;
    }
    case "overfitting":
      return coded("verdict.summary.overfitting", {
        rise: pct(o?.recentRise),
        minEpoch: o?.minValLossEpoch,
        epochs: o?.epochsSinceMin,
      });
    case "worse_than_baseline":
      return coded("verdict.summary.worse", {
        ...metricParams(e),
        f1: f3(e.f1),
        baselineF1: f3(w.worse?.f1),
        ...baselineParams(w.worse, "baseline"),
      });
    case "good":
      return coded("verdict.summary.good", {
        ...metricParams(e),
        f1: f3(e.f1),
        relation: !w.best ? "none" : e.f1 > w.best.f1 ? "beats" : e.f1 === w.best.f1 ? "matches" : "within",
        margin: f3(w.margin),
        bestF1: w.best ? f3(w.best.f1) : null,
        ...baselineParams(w.best, "best"),
        noOverfit: o?.judged ? "yes" : "no",
        where: w.heldOut !== false ? "heldOut" : w.evaluatedOn === "all" ? "all" : "train",
      });
  }
}

const convergenceSuggestionCodes: Record<string, string> = {
  "lower the learning rate (÷10), or use Adam": "verdict.suggestion.lowerLrOrAdam",
  "lower the learning rate (÷10)": "verdict.suggestion.lowerLr",
  "use Adam (lr 0.01–0.1) or more hidden units": "verdict.suggestion.adamOrUnits",
};

/** suggestionOf as a catalogue key and values; null when there is no suggestion or its words come from elsewhere. */
export function suggestionCodeOf(w: Wording): CodedText | null {
  switch (w.kind) {
    case "not_converged": {
      const own = w.convergence?.suggestion;
      if (own === undefined) return coded("verdict.suggestion.notConvergedDefault");
      const code = convergenceSuggestionCodes[own];
      return code ? coded(code) : null;
    }
    case "overfitting":
      return coded("verdict.suggestion.earlyStopping", { epoch: w.overfitting?.minValLossEpoch });
    case "worse_than_baseline":
      return w.worse?.kind === "logistic_regression"
        ? coded("verdict.suggestion.linearBetter")
        : coded("verdict.suggestion.noBetterThanMajority", { label: w.worse?.label ?? "" });
    case "good":
      if (suggestionOf(w) === null) return null;
      return coded(
        w.evaluatedOn === "all" ? "verdict.suggestion.evaluateElsewhere" : "verdict.suggestion.addTestSplit",
      );
  }
}
