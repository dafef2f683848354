/**
 * Registering a TF.js Layers model trained outside Rackmind. The web process
 * never loads TF.js, so the model is checked statically: the weight bytes
 * must be exactly what the manifest declares, and the first and last layers
 * must fit the signature (inputs after encoding, one output per label).
 * Its lineage says it came from outside; evaluation jobs measure it.
 */
import { z } from "zod";
import { db } from "../db";
import type { Principal } from "../auth/principal";
import { actorOf } from "../auth/principal";
import type { Preprocessing } from "../datasets/prepared";
import { AppError } from "../errors";
import { getCodeVersion } from "./code-version";
import { artifactSha256 } from "./artifact-hash";
import { registerVersion, type RegisteredVersion } from "./registration";
import { unknownEnergy } from "./run-energy";
import { Signature } from "./schemas";
import { identityPreprocessing } from "./signature";

const WeightEntry = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().min(0)),
  dtype: z.enum(["float32", "int32", "bool"]),
});
const DTYPE_BYTES = { float32: 4, int32: 4, bool: 1 } as const;

export const RegisterExternalInput = z
  .strictObject({
    modelJson: z
      .object({
        format: z.literal("layers-model").optional(),
        modelTopology: z.record(z.string(), z.unknown()),
        weightsManifest: z
          .array(z.object({ paths: z.array(z.string()), weights: z.array(WeightEntry) }))
          .min(1)
          .meta({ description: "as in model.json; the paths are ignored (the weights come inline)" }),
      })
      .meta({ description: "the model.json of a TF.js Layers model (tf.io / tensorflowjs_converter)" }),
    weights: z.base64().min(1).meta({ description: "the weight files' bytes, concatenated in manifest order, base64" }),
    signature: Signature,
    source: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .meta({ description: "where the model came from (notebook, repository, team): recorded as its lineage" }),
    description: z.string().trim().max(2000).optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  })
  .meta({ id: "RegisterExternalModelInput" });
export type RegisterExternalInput = z.infer<typeof RegisterExternalInput>;

type LayerConfig = { class_name?: string; config?: Record<string, unknown> };

function layersOf(topology: Record<string, unknown>): LayerConfig[] {
  const root = (topology.model_config ?? topology) as LayerConfig;
  const layers = (root.config as { layers?: LayerConfig[] } | undefined)?.layers;
  if (!Array.isArray(layers) || layers.length === 0)
    throw new AppError(
      "unprocessable_entity",
      "modelJson.modelTopology has no layers (expected a Keras/TF.js Layers topology)",
    );
  return layers;
}

const shapeOf = (config: Record<string, unknown> | undefined) =>
  (config?.batch_input_shape ?? config?.batchInputShape ?? config?.batch_shape) as (number | null)[] | undefined;

/** Refuses a model whose manifest, weights and signature do not fit together; names what does not fit. */
export function checkExternalModel(input: RegisterExternalInput, weights: Uint8Array, pre: Preprocessing): void {
  const specs = input.modelJson.weightsManifest.flatMap((g) => g.weights);
  const expected = specs.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1) * DTYPE_BYTES[w.dtype], 0);
  if (expected !== weights.length)
    throw new AppError(
      "unprocessable_entity",
      `The weights are ${weights.length} bytes; the manifest declares ${expected} (${specs.length} tensors)`,
    );
  const layers = layersOf(input.modelJson.modelTopology);
  const inputShape = shapeOf(layers[0]!.config);
  const inputs = pre.encodedFeatureNames.length;
  if (inputShape && inputShape.at(-1) !== inputs)
    throw new AppError(
      "unprocessable_entity",
      `The model takes ${inputShape.at(-1)} inputs; the signature encodes to ${inputs} (${pre.encodedFeatureNames.join(", ")})`,
    );
  const units = layers.at(-1)!.config?.units;
  const labels = pre.classes.length;
  if (typeof units === "number" && units !== labels && !(labels === 2 && units === 1))
    throw new AppError(
      "unprocessable_entity",
      `The model's last layer has ${units} outputs; the signature has ${labels} labels (${pre.classes.join(", ")})`,
    );
}

/** Stores the artifact and registers it as the next version of `name`, in one transaction. */
export async function registerExternalVersion(
  name: string,
  input: RegisterExternalInput,
  actor: Principal,
): Promise<RegisteredVersion> {
  const weights = new Uint8Array(Buffer.from(input.weights, "base64"));
  const preprocessing = identityPreprocessing(input.signature);
  checkExternalModel(input, weights, preprocessing);
  const parts = {
    modelTopology: input.modelJson.modelTopology,
    weightSpecs: input.modelJson.weightsManifest.flatMap((g) => g.weights),
    weights,
    preprocessing,
  };
  const sha256 = artifactSha256(parts);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const artifact = await tx.modelArtifact.create({
      data: {
        modelTopology: parts.modelTopology as object,
        weightSpecs: parts.weightSpecs,
        weights: weights as Uint8Array<ArrayBuffer>,
        preprocessing: preprocessing as unknown as object,
        sha256,
      },
    });
    return registerVersion(
      tx,
      {
        modelName: name,
        source: "external",
        artifactId: artifact.id,
        artifactSha256: sha256,
        jobId: null,
        runId: null,
        datasetVersionId: null,
        signature: input.signature,
        lineage: {
          source: "external",
          dataset: null,
          preprocessing: preprocessing as unknown as Record<string, unknown>,
          hyperparameters: null,
          seed: null,
          codeVersion: getCodeVersion(),
          backend: null,
          job: null,
          run: null,
          gpus: [],
          gpuEvents: null,
          externalSource: input.source,
        },
        metrics: { evaluation: null, validation: null, training: null, verdict: null },
        energy: unknownEnergy("Trained outside Rackmind: its energy is not known here.", now),
        // No training data to compare live inputs with: drift is not known for an external model.
        driftBaseline: null,
        createdBy: actorOf(actor),
        description: input.description ?? null,
        tags: input.tags ?? [],
      },
      actor,
    );
  });
}
