/**
 * A model version as the serving process holds it: loaded once through the
 * registry (its artifact's hash checked), with its signature and
 * preprocessing, and its own micro-batcher so concurrent requests share model
 * calls.
 */
import type { Tensor } from "@tensorflow/tfjs";
import { db } from "../lib/db";
import { argmax } from "../lib/training/judge/metrics";
import { toProbabilities } from "../lib/training/engine/model";
import type { Tf } from "../lib/training/backend/backend";
import { loadVerifiedArtifact } from "../lib/models/artifact-store";
import { loadModelFromArtifact, type LoadedModel } from "../lib/models/artifact";
import type { Preprocessing } from "../lib/datasets/prepared";
import type { Signature } from "../lib/models/schemas";
import { MicroBatcher, type BatcherOptions } from "./batcher";

export type Prediction = { label: string; probabilities: Record<string, number> };

export type LoadedVersion = {
  versionId: string;
  model: string;
  version: number;
  signature: Signature;
  preprocessing: Preprocessing;
  batcher: MicroBatcher<number[], Prediction>;
  dispose: () => void;
};

/** Runs one batch of encoded rows through the model, synchronously (a small MLP takes well under a millisecond per row). */
function predictBatch(tf: Tf, loaded: LoadedModel, rows: number[][]): Prediction[] {
  const { model, head, preprocessing: pre } = loaded;
  const outputs = tf.tidy(
    () =>
      (
        model.predict(tf.tensor2d(rows, [rows.length, pre.encodedFeatureNames.length])) as Tensor
      ).dataSync() as Float32Array,
  );
  return toProbabilities(outputs, head, rows.length).map((p) => ({
    label: pre.classes[argmax(p)]!,
    probabilities: Object.fromEntries(pre.classes.map((c, i) => [c, p[i]!])),
  }));
}

export async function loadVersion(tf: Tf, versionId: string, batching: BatcherOptions): Promise<LoadedVersion> {
  const row = await db.modelVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { id: true, version: true, artifactId: true, signature: true, model: { select: { name: true } } },
  });
  const label = `${row.model.name} version ${row.version}`;
  const artifact = await loadVerifiedArtifact(row.artifactId, label);
  const loaded = await loadModelFromArtifact(tf, artifact);
  return {
    versionId,
    model: row.model.name,
    version: row.version,
    signature: row.signature as Signature,
    preprocessing: artifact.preprocessing,
    batcher: new MicroBatcher((rows) => predictBatch(tf, loaded, rows), batching),
    dispose: () => loaded.model.dispose(),
  };
}
