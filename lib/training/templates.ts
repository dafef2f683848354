/**
 * Ready-made runs the UI can offer. Both learn XOR with the seed article's
 * network (2 inputs, 3 sigmoid hidden units, 1 sigmoid output, binary
 * cross-entropy). With plain SGD at lr 0.1 it stalls on the chance-level
 * plateau (loss ≈ ln 2, accuracy 0.5) and the convergence judge says so; Adam
 * gets through it.
 *
 * XOR has only 4 points, so there is no split: the spec says train 1,
 * validation 0, test 0, and the built-in data matches it (all 4 points train,
 * the other parts empty). The run is then evaluated on its training data and
 * says so: its accuracy measures fitting, not generalisation. (The data used
 * to repeat the 4 points as a "test" part, which made that read as held out.)
 */
import type { PreparedData } from "../datasets/prepared";
import { TrainingSpec } from "./schemas";

export type TrainingTemplate = {
  id: string;
  name: string;
  description: string;
  spec: TrainingSpec;
  /** Built-in data, when the template brings its own instead of a dataset. */
  data: PreparedData;
};

const XOR_POINTS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_LABELS = [0, 1, 1, 0];

export function xorData(seed = 1): PreparedData {
  const numeric = (name: string) => ({
    kind: "numeric" as const,
    name,
    impute: 0,
    imputeStrategy: "mean" as const,
    missingValues: [],
    scale: { method: "none" as const },
  });
  const empty = () => ({ x: [], y: [] });
  return {
    preprocessing: {
      inputColumns: ["a", "b"],
      features: [numeric("a"), numeric("b")],
      encodedFeatureNames: ["a", "b"],
      target: "a xor b",
      classes: ["0", "1"],
    },
    train: { x: XOR_POINTS.map((p) => [...p]), y: [...XOR_LABELS] },
    validation: empty(),
    test: empty(),
    indices: { train: [0, 1, 2, 3], validation: [], test: [] },
    seed,
  };
}

const seedNetwork = { hidden: [3], activation: "sigmoid", dropout: 0, output: "auto" } as const;
const wholeBatch = { batchSize: 4, split: { train: 1, validation: 0, test: 0 } } as const;

export const templates: readonly TrainingTemplate[] = [
  {
    id: "xor-seed",
    name: "XOR, as in the seed article",
    description:
      "2-3-1 sigmoid network, plain SGD at learning rate 0.1, binary cross-entropy. Usually stalls at loss ≈ 0.69 / accuracy 0.5.",
    spec: TrainingSpec.parse({
      model: seedNetwork,
      optimizer: "sgd",
      learningRate: 0.1,
      epochs: 500,
      seed: 1,
      ...wholeBatch,
    }),
    data: xorData(1),
  },
  {
    id: "xor-adam",
    name: "XOR with Adam",
    description: "The same 2-3-1 sigmoid network trained with Adam at learning rate 0.1: reaches accuracy 1.0.",
    spec: TrainingSpec.parse({
      model: seedNetwork,
      optimizer: "adam",
      learningRate: 0.1,
      epochs: 300,
      seed: 1,
      ...wholeBatch,
    }),
    data: xorData(1),
  },
];

export function getTemplate(id: string): TrainingTemplate | undefined {
  return templates.find((t) => t.id === id);
}
