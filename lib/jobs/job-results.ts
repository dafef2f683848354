/**
 * A finished job's figures as the API serves them: its evaluation, which rows
 * that evaluation is on (in words), and the verdict. Read from the run's (or,
 * for evaluation jobs, the job's) stored JSON leniently: a job stored by older
 * code must still read, with what is unknown said to be unknown.
 */
import { z } from "zod";
import { readVerdict } from "../training/run-records";
import { EvaluatedOn, type Verdict } from "../training/schemas";
import { basisStatement } from "../training/judge/verdict-words";
import type { EvaluationOut } from "./schemas";

// Read only the fields the API promises, so an engine that stores more does not change the answer.
const StoredEvaluation = z.object({
  accuracy: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  confusion: z.array(z.array(z.number())),
  classes: z.array(z.string()).default([]),
  samples: z.number().nullable().default(null),
  rocAuc: z.number().nullable().catch(null).default(null),
  average: z.enum(["binary", "macro"]).optional().catch(undefined),
  split: EvaluatedOn.optional().catch(undefined),
  heldOut: z.boolean().nullable().optional().catch(undefined),
});

// The few spec fields that change how the figures read; lenient like the rest.
const TrainingView = z.object({
  earlyStopping: z.unknown().optional(),
  lrSchedule: z.object({ type: z.string() }).optional().catch(undefined),
});

/** Early stopping or a plateau schedule watched the validation loss: figures on that split are somewhat optimistic. */
export function selectsOnValidation(training: unknown): boolean {
  const t = TrainingView.safeParse(training ?? {});
  if (!t.success) return false;
  return (
    (t.data.earlyStopping !== undefined && t.data.earlyStopping !== "off") || t.data.lrSchedule?.type === "plateau"
  );
}

const NOT_RECORDED = "Which rows these figures are on was not recorded (the job finished before Rackmind stored it).";

/** `dataset`: the label of the dataset version the job ran on (e.g. "pima@1"). */
export function toEvaluation(raw: unknown, context: { dataset: string; training?: unknown }): EvaluationOut | null {
  const parsed = StoredEvaluation.safeParse(raw);
  if (!parsed.success) return null;
  const { split: stored, heldOut: storedHeldOut, average, ...e } = parsed.data;
  const split = stored ?? null;
  const heldOut = split === null ? null : split === "all" ? (storedHeldOut ?? null) : split !== "train";
  const basis =
    split === null
      ? NOT_RECORDED
      : basisStatement({
          evaluatedOn: split,
          heldOut,
          dataset: context.dataset,
          selectsOnValidation: selectsOnValidation(context.training),
          evaluation: { samples: e.samples ?? 0 },
        });
  return { ...e, average: average ?? (e.classes.length > 2 ? "macro" : "binary"), split, heldOut, basis };
}

/** The verdict in an evaluation job's stored result (the evaluation fields plus `verdict`); null when not judged. */
export function verdictOfResult(result: unknown): Verdict | null {
  return result && typeof result === "object" && "verdict" in result
    ? readVerdict((result as { verdict: unknown }).verdict)
    : null;
}
