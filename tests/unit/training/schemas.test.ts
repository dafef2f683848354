import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { TrainingSpec } from "../../../lib/training/schemas";
import { templates } from "../../../lib/training/templates";

describe("TrainingSpec", () => {
  it("fills every field from defaults", () => {
    expect(TrainingSpec.parse({})).toEqual({
      model: { hidden: [16], activation: "relu", dropout: 0, output: "auto" },
      optimizer: "adam",
      learningRate: 0.01,
      lrSchedule: { type: "none" },
      epochs: 50,
      batchSize: 32,
      earlyStopping: "off",
      seed: 1,
      split: { train: 0.7, validation: 0.15, test: 0.15 },
    });
  });

  it("accepts logistic regression, schedules and early stopping", () => {
    const spec = TrainingSpec.parse({
      model: { hidden: [] },
      optimizer: "momentum",
      lrSchedule: { type: "plateau", patience: 3, factor: 0.5 },
      earlyStopping: { patience: 5 },
    });
    expect(spec.model.hidden).toEqual([]);
    expect(spec.lrSchedule).toEqual({ type: "plateau", patience: 3, factor: 0.5, minLr: 0 });
    expect(spec.earlyStopping).toEqual({ patience: 5, minDelta: 0 });
    expect(TrainingSpec.parse({ lrSchedule: { type: "step", every: 10, factor: 0.1 } }).lrSchedule.type).toBe("step");
  });

  it.each([
    ["an unknown optimizer", { optimizer: "rmsprop" }],
    ["a dropout above 0.9", { model: { dropout: 0.95 } }],
    ["a misspelt key", { learning_rate: 0.1 }],
    ["a split that does not add up to 1", { split: { train: 0.8, validation: 0.15, test: 0.15 } }],
    ["zero epochs", { epochs: 0 }],
    ["an unknown activation", { model: { activation: "swish" } }],
    ["a step schedule without `every`", { lrSchedule: { type: "step", factor: 0.5 } }],
  ])("rejects %s with a ZodError", (_name, input) => {
    expect(() => TrainingSpec.parse(input)).toThrow(ZodError);
  });

  it("offers the XOR templates with the seed article's network", () => {
    expect(templates.map((t) => t.id)).toEqual(["xor-seed", "xor-adam"]);
    for (const t of templates) {
      expect(t.spec.model).toMatchObject({ hidden: [3], activation: "sigmoid" });
      // No split, as the spec says (train 1): the four points train, nothing is held out.
      expect(t.spec.split).toEqual({ train: 1, validation: 0, test: 0 });
      expect(t.data.train.x).toHaveLength(4);
      expect(t.data.validation.x).toHaveLength(0);
      expect(t.data.test.x).toHaveLength(0);
    }
    expect(templates[0]!.spec).toMatchObject({ optimizer: "sgd", learningRate: 0.1 });
  });
});
