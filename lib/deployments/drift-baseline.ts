/**
 * What a model version's training split looked like, per feature, kept with
 * the version so serving can tell when live inputs stop looking like it:
 * numeric features as counts over bins at the split's deciles plus a value
 * sample (for KS), categorical ones as counts per category. Raw values as
 * uploaded (before imputation and scaling), because that is what predict
 * receives. Missing cells are counted apart, not binned.
 */
import { z } from "zod";
import type { Cell } from "../datasets/cells";
import { decodeCleaned } from "../datasets/cleaned-dataset";
import { prepareTrainingData } from "../datasets/prepare";
import { countBins, quantileEdges } from "./drift-stats";

/** Values kept per numeric feature for KS: enough for a p-value, small enough to store with every version. */
export const BASELINE_SAMPLE = 500;

export const FeatureBaseline = z.discriminatedUnion("type", [
  z.object({
    name: z.string(),
    type: z.literal("numeric"),
    edges: z.array(z.number()),
    counts: z.array(z.number().int()),
    sample: z.array(z.number()),
    missing: z.number().int(),
  }),
  z.object({
    name: z.string(),
    type: z.literal("categorical"),
    categories: z.array(z.string()),
    counts: z.array(z.number().int()),
    missing: z.number().int(),
  }),
]);
export type FeatureBaseline = z.infer<typeof FeatureBaseline>;

export const DriftBaseline = z.object({ rows: z.number().int(), features: z.array(FeatureBaseline) });
export type DriftBaseline = z.infer<typeof DriftBaseline>;

/** Evenly spaced order statistics of `values` (all of them when there are few). */
export function sampleOf(values: readonly number[], size = BASELINE_SAMPLE): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length <= size) return sorted;
  return Array.from({ length: size }, (_, i) => sorted[Math.floor(((i + 0.5) * sorted.length) / size)]!);
}

export function featureBaseline(
  name: string,
  type: "numeric" | "categorical",
  cells: readonly Cell[],
): FeatureBaseline {
  const present = cells.filter((c): c is number | string => c !== null);
  const missing = cells.length - present.length;
  if (type === "numeric") {
    const values = present.map(Number).filter(Number.isFinite);
    const edges = quantileEdges(values, 10);
    return { name, type, edges, counts: countBins(values, edges), sample: sampleOf(values), missing };
  }
  const counts = new Map<string, number>();
  for (const c of present) counts.set(String(c), (counts.get(String(c)) ?? 0) + 1);
  const categories = [...counts.keys()].sort();
  return { name, type, categories, counts: categories.map((c) => counts.get(c)!), missing };
}

/** The baseline of the training split a run with `seed` and `split` drew from a dataset version's cleaned bytes. */
export function buildDriftBaseline(
  cleanedBytes: Uint8Array,
  options: { seed: number; split?: { train: number; validation: number; test: number } },
): DriftBaseline {
  const cleaned = decodeCleaned(cleanedBytes);
  const { indices } = prepareTrainingData(cleaned, { seed: options.seed, split: options.split });
  const rows = indices.train.map((i) => cleaned.rows[i]!);
  return {
    rows: rows.length,
    features: cleaned.features.map((f, col) =>
      featureBaseline(
        f.name,
        f.type === "categorical" ? "categorical" : "numeric",
        rows.map((r) => r[col] ?? null),
      ),
    ),
  };
}
