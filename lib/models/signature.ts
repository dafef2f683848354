/**
 * A model's input signature — feature names in order, their types and
 * categories, the labels — derived from the preprocessing it was trained with,
 * and the identity preprocessing for a model registered from outside with
 * only a signature.
 */
import type { FeatureTransform, Preprocessing } from "../datasets/prepared";
import type { Signature } from "./schemas";

export function signatureOf(pre: Preprocessing): Signature {
  const byName = new Map(pre.features.map((f) => [f.name, f]));
  return {
    features: pre.inputColumns.map((name) => {
      const f = byName.get(name);
      if (f?.kind === "categorical") return { name, type: "categorical" as const, categories: [...f.categories] };
      return { name, type: "numeric" as const, missingValues: f?.kind === "numeric" ? [...f.missingValues] : [] };
    }),
    target: pre.target,
    labels: [...pre.classes],
  };
}

/**
 * What serving does with a signature alone: numbers pass through unscaled
 * (a missing one becomes 0), categories are one-hot encoded in the listed
 * order (a missing one becomes the first). The model must have been trained
 * on inputs encoded the same way; the registration page says so.
 */
export function identityPreprocessing(signature: Signature): Preprocessing {
  const features: FeatureTransform[] = signature.features.map((f) =>
    f.type === "numeric"
      ? {
          kind: "numeric",
          name: f.name,
          impute: 0,
          imputeStrategy: "mean",
          missingValues: f.missingValues,
          scale: { method: "none" },
        }
      : { kind: "categorical", name: f.name, categories: f.categories, impute: f.categories[0]! },
  );
  return {
    inputColumns: signature.features.map((f) => f.name),
    features,
    encodedFeatureNames: signature.features.flatMap((f) =>
      f.type === "numeric" ? [f.name] : f.categories.map((c) => `${f.name}=${c}`),
    ),
    target: signature.target,
    classes: signature.labels,
  };
}
