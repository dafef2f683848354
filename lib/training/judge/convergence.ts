import type { Convergence, EpochMetrics } from "../schemas";

/**
 * Judges from the loss curve whether a run learnt anything, so a run stuck at
 * chance level (XOR with plain SGD sits at loss ln 2 ≈ 0.693, accuracy 0.5)
 * is flagged with evidence instead of silently reporting its accuracy.
 *
 * The window is the second half of training: early epochs often fall quickly
 * from a bad initialisation onto the chance-level plateau, which would make a
 * whole-run comparison look like progress.
 */

/**
 * Below this relative drop over the window the loss counts as flat. Generous on
 * purpose: XOR under SGD 0.1 creeps from 0.69 to 0.63 over 1000 epochs, which
 * is "decreasing" on paper and useless in practice.
 */
const FLAT = 0.1;
/** "Still at chance level" means at least this fraction of the chance loss. */
const NEAR_CHANCE = 0.85;
const MIN_EPOCHS = 4;

/**
 * The cross-entropy (nats) of always predicting the training class frequencies:
 * what a model that learnt nothing from the features reaches.
 * `independentSigmoids`: one sigmoid per class (output "sigmoid" with > 2 classes).
 */
export function chanceLoss(labels: readonly number[], classCount: number, independentSigmoids = false): number {
  if (labels.length === 0) return 0;
  const counts = new Array<number>(Math.max(classCount, 2)).fill(0);
  for (const y of labels) counts[y]! += 1;
  const ps = counts.map((c) => c / labels.length);
  const h = (p: number) => (p <= 0 || p >= 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p)));
  if (independentSigmoids) return ps.reduce((s, p) => s + h(p), 0) / ps.length;
  return ps.reduce((s, p) => (p > 0 ? s - p * Math.log(p) : s), 0);
}

export function judgeConvergence(history: readonly EpochMetrics[], options: { chanceLoss: number }): Convergence {
  const n = history.length;
  if (n === 0) return { converging: false, reason: "no epochs trained" };
  if (history.some((h) => !Number.isFinite(h.loss))) {
    return { converging: false, reason: "loss not finite", suggestion: "lower the learning rate (÷10), or use Adam" };
  }
  if (n < MIN_EPOCHS) return { converging: true, reason: "too few epochs to judge" };

  const window = Math.max(2, Math.ceil(n / 2));
  const first = history[n - window]!.loss;
  const last = history[n - 1]!.loss;
  const relativeChange = first === 0 ? 0 : (first - last) / first;
  const evidence = { first, last, relativeChange, window, chanceLoss: options.chanceLoss };

  if (relativeChange < -0.25 && last > options.chanceLoss * NEAR_CHANCE) {
    return { converging: false, reason: "loss increasing", evidence, suggestion: "lower the learning rate (÷10)" };
  }
  if (relativeChange < FLAT && last >= options.chanceLoss * NEAR_CHANCE) {
    return {
      converging: false,
      reason: "loss flat",
      evidence,
      suggestion: "use Adam (lr 0.01–0.1) or more hidden units",
    };
  }
  return {
    converging: true,
    reason: relativeChange < FLAT ? "loss settled below chance level" : "loss decreasing",
    evidence,
  };
}
