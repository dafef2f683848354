/**
 * The verdict on a finished run: whether the model it kept is any good, with
 * the numbers that say so. The job's status stays "succeeded" (it ran); this
 * says whether the result is worth using.
 *
 * Judged in this order, the first that applies wins (every check still lands
 * in the evidence):
 * 1. not_converged — the convergence judge (lib/training/judge/convergence.ts) found
 *    the training loss flat at chance level, rising, or not finite;
 * 2. overfitting — validation loss rose for OVERFIT_EPOCHS epochs to at least
 *    OVERFIT_RISE above its minimum while training loss fell, for the weights
 *    actually kept (early stopping may have restored an earlier epoch);
 * 3. worse_than_baseline — the model's F1 is below the better baseline's
 *    (majority class, logistic regression; same split, same F1) by more than
 *    baselineMargin, or it does no better than the majority class at all;
 * 4. good.
 */
import type { Baseline } from "./baselines";
import type { Convergence, EpochMetrics, EvaluatedOn, OverfittingEvidence, Verdict, VerdictEvidence } from "../schemas";
import {
  baselineStatement,
  basisStatement,
  convergenceStatement,
  overfittingStatement,
  summaryOf,
  suggestionCodeOf,
  summaryCodeOf,
  suggestionOf,
  type Wording,
} from "./verdict-words";

/** Epochs the validation loss must have stayed up for, after its minimum. */
export const OVERFIT_EPOCHS = 5;
/** How far above its minimum (relative) the recent validation loss must be: 0.1 = 10%. */
export const OVERFIT_RISE = 0.1;
/**
 * F1 below the best baseline by more than the margin is "worse": at least
 * BASELINE_MARGIN, wider on small evaluation splits (0.5/√rows: 0.047 on 115
 * rows, where one row moves F1 by ~0.02), so a one- or two-row difference on a
 * small test split is not called a real gap.
 */
export const BASELINE_MARGIN = 0.02;

export function baselineMargin(samples: number): number {
  return Math.max(BASELINE_MARGIN, samples > 0 ? 0.5 / Math.sqrt(samples) : 1);
}

export type ScoredModel = {
  f1: number;
  accuracy: number;
  rocAuc: number | null;
  average: "binary" | "macro";
  samples: number;
  classes: string[];
};

export type RunVerdictInput = {
  history: readonly EpochMetrics[];
  convergence: Convergence;
  evaluation: ScoredModel;
  evaluatedOn: Exclude<EvaluatedOn, "all">;
  baselines: Baseline[];
  /** The epoch whose weights the model holds when early stopping restored them; null when it holds the last epoch's. */
  bestEpoch: number | null;
  /** Early stopping or a plateau schedule watched the validation loss (so it is not fully independent). */
  selectsOnValidation: boolean;
};

const finiteOrNull = (x: number | undefined | null) =>
  x === undefined || x === null || !Number.isFinite(x) ? null : x;

type Assessment = Omit<OverfittingEvidence, "judged" | "reason" | "keptEpoch" | "wholeRunIsOverfit"> & {
  enough: boolean;
};

/** The overfitting criterion over the epochs up to and including `upTo`. */
function assessOverfitting(history: readonly EpochMetrics[], upTo: number): Assessment {
  const span = history.filter((h) => h.epoch <= upTo && h.valLoss !== null && Number.isFinite(h.valLoss));
  if (span.length < OVERFIT_EPOCHS + 1) return { enough: false, isOverfit: false };
  let min = span[0]!;
  for (const h of span) if (h.valLoss! < min.valLoss!) min = h;
  const at = span.at(-1)!;
  const recent = span.slice(-OVERFIT_EPOCHS);
  const recentMean = recent.reduce((s, h) => s + h.valLoss!, 0) / recent.length;
  const recentRise = min.valLoss! > 0 ? recentMean / min.valLoss! - 1 : 0;
  const epochsSinceMin = at.epoch - min.epoch;
  const isOverfit = epochsSinceMin >= OVERFIT_EPOCHS && recentRise >= OVERFIT_RISE && at.loss < min.loss;
  return {
    enough: true,
    isOverfit,
    minValLoss: min.valLoss,
    minValLossEpoch: min.epoch,
    valLossAtKept: at.valLoss,
    recentRise,
    epochsSinceMin,
    trainLossAtMin: finiteOrNull(min.loss),
    trainLossAtKept: finiteOrNull(at.loss),
  };
}

/**
 * Overfitting of the kept weights. Without validation losses (no validation
 * split) it is not judged, and says so. When early stopping restored an
 * earlier epoch, the whole run is judged too (wholeRunIsOverfit) and the
 * figures describe it, while isOverfit is about the epoch kept.
 */
export function judgeOverfitting(history: readonly EpochMetrics[], bestEpoch: number | null): OverfittingEvidence {
  const last = history.at(-1)?.epoch ?? 0;
  const keptEpoch = bestEpoch ?? (last || null);
  if (!history.some((h) => h.valLoss !== null))
    return { judged: false, isOverfit: false, reason: "no validation split", keptEpoch };
  const restored = bestEpoch !== null && bestEpoch < last;
  const { enough, ...whole } = assessOverfitting(history, last);
  if (!enough) return { judged: false, isOverfit: false, reason: "too few epochs with a validation loss", keptEpoch };
  if (!restored) {
    const reason = whole.isOverfit
      ? "validation loss rising while training loss falls"
      : "validation loss did not rise while training loss fell";
    return { judged: true, reason, keptEpoch, ...whole };
  }
  const kept = history.find((h) => h.epoch === bestEpoch);
  const isOverfit = assessOverfitting(history, bestEpoch).isOverfit;
  const reason = isOverfit
    ? "validation loss rising while training loss falls, at the epoch early stopping kept"
    : whole.isOverfit
      ? "the run overfit later, but early stopping kept weights from before"
      : "early stopping kept an earlier epoch; validation loss did not rise while training loss fell";
  return {
    judged: true,
    reason,
    keptEpoch,
    ...whole,
    isOverfit,
    wholeRunIsOverfit: whole.isOverfit,
    valLossAtKept: finiteOrNull(kept?.valLoss),
    trainLossAtKept: finiteOrNull(kept?.loss),
  };
}

/** The better of the baselines by F1 (the first on ties). */
export function bestBaseline(baselines: readonly Baseline[]): Baseline | null {
  return baselines.reduce<Baseline | null>((best, b) => (!best || b.f1 > best.f1 ? b : best), null);
}

/**
 * The baseline the model is worse than, if any: the best baseline when the
 * model's F1 is below it by more than baselineMargin(samples); else the majority class
 * when the model is no better than it on F1 and on accuracy (it learnt to say
 * one class, whatever the margin).
 */
export function worseThan(model: ScoredModel, baselines: readonly Baseline[]): Baseline | null {
  const best = bestBaseline(baselines);
  if (best && model.f1 < best.f1 - baselineMargin(model.samples)) return best;
  const majority = baselines.find((b) => b.kind === "majority_class");
  return majority && model.f1 <= majority.f1 && model.accuracy <= majority.accuracy ? majority : null;
}

function modelEvidence(e: ScoredModel): VerdictEvidence["model"] {
  return { f1: e.f1, accuracy: e.accuracy, rocAuc: finiteOrNull(e.rocAuc), average: e.average };
}

function convergenceEvidence(c: Convergence): NonNullable<VerdictEvidence["convergence"]> {
  const e = c.evidence;
  return {
    converging: c.converging,
    reason: c.reason,
    ...(e
      ? {
          first: finiteOrNull(e.first),
          last: finiteOrNull(e.last),
          relativeChange: finiteOrNull(e.relativeChange),
          window: e.window,
          chanceLoss: finiteOrNull(e.chanceLoss),
        }
      : {}),
  };
}

/** The verdict on a training run's kept model, from its history, convergence, evaluation and baselines. */
export function judgeRun(input: RunVerdictInput): Verdict {
  const { evaluation, baselines, convergence } = input;
  const overfitting = judgeOverfitting(input.history, input.bestEpoch);
  const worse = worseThan(evaluation, baselines);
  const kind = !convergence.converging
    ? "not_converged"
    : overfitting.isOverfit
      ? "overfitting"
      : worse
        ? "worse_than_baseline"
        : "good";
  const heldOut = input.evaluatedOn !== "train";
  const w: Wording = {
    kind,
    evaluation,
    evaluatedOn: input.evaluatedOn,
    heldOut,
    convergence,
    overfitting,
    baselines,
    best: bestBaseline(baselines),
    worse,
    margin: baselineMargin(evaluation.samples),
    selectsOnValidation: input.selectsOnValidation,
  };
  const statements = [
    basisStatement(w),
    convergenceStatement(input.history, convergence),
    overfittingStatement(overfitting)!,
    baselineStatement(w),
  ];
  return {
    kind,
    summary: summaryOf(w),
    evidence: {
      statements,
      evaluatedOn: input.evaluatedOn,
      heldOut,
      samples: evaluation.samples,
      epochs: input.history.at(-1)?.epoch ?? 0,
      model: modelEvidence(evaluation),
      baselines,
      margin: baselineMargin(evaluation.samples),
      convergence: convergenceEvidence(convergence),
      overfitting,
    },
    suggestion: suggestionOf(w),
    ...verdictCodes(w),
  };
}

/**
 * The verdict on a stored model scored on every row of a dataset version (an
 * evaluation job). Convergence and overfitting are the training run's business
 * and are not judged again; the baseline is the majority class of the scored
 * rows (a logistic baseline would need training rows this job does not have).
 * `heldOut` false when the rows are the version the model was trained on.
 */
export function judgeScoredModel(input: {
  evaluation: ScoredModel;
  majority: Baseline;
  heldOut: boolean | null;
  dataset: string;
}): Verdict {
  const { evaluation, majority } = input;
  const worse = worseThan(evaluation, [majority]);
  const kind = worse ? "worse_than_baseline" : "good";
  const w: Wording = {
    kind,
    evaluation,
    evaluatedOn: "all",
    heldOut: input.heldOut,
    dataset: input.dataset,
    convergence: null,
    overfitting: null,
    baselines: [majority],
    best: majority,
    worse,
    margin: baselineMargin(evaluation.samples),
    selectsOnValidation: false,
  };
  return {
    kind,
    summary: summaryOf(w),
    evidence: {
      statements: [basisStatement(w), baselineStatement(w)],
      evaluatedOn: "all",
      heldOut: input.heldOut,
      samples: evaluation.samples,
      epochs: null,
      model: modelEvidence(evaluation),
      baselines: [majority],
      margin: baselineMargin(evaluation.samples),
      convergence: null,
      overfitting: null,
    },
    suggestion: suggestionOf(w),
    ...verdictCodes(w),
  };
}

/** The summary and suggestion as codes, left out where the words have none (the API then shows the English only). */
function verdictCodes(w: Wording): Pick<Verdict, "summaryCode" | "suggestionCode"> {
  const summaryCode = summaryCodeOf(w);
  return { ...(summaryCode ? { summaryCode } : {}), suggestionCode: suggestionCodeOf(w) };
}
