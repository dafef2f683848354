/**
 * A model version as the serving process holds it: loaded once through the
 * registry (its artifact's hash checked), with its signature and
 * preprocessing, and its own micro-batcher so concurrent requests share model
 * calls.
 */
import { db } from "../lib/db";
import type { Tf } from "../lib/training/backend/backend";
import { loadVerifiedArtifact } from "../lib/models/artifact-store";
import { loadModelFromArtifact, predictEncoded, toPredictions, type Prediction } from "../lib/models/artifact";
import { denseForwardOf, forwardDense } from "../lib/models/dense-forward";
import type { Preprocessing } from "../lib/datasets/prepared";
import type { Signature } from "../lib/models/schemas";
import { MicroBatcher, type BatcherOptions } from "./batcher";

export type { Prediction };

/** "auto": plain JS for the trainer's Dense MLPs, TF.js for anything else; "tfjs": TF.js always. */
export type ForwardChoice = "auto" | "tfjs";

export type LoadedVersion = {
  versionId: string;
  model: string;
  version: number;
  signature: Signature;
  preprocessing: Preprocessing;
  /** What runs the model: "js" (dense-forward) or "tfjs". */
  engine: "js" | "tfjs";
  batcher: MicroBatcher<number[], Prediction>;
  dispose: () => void;
};

export async function loadVersion(
  tf: Tf,
  versionId: string,
  batching: BatcherOptions,
  forward: ForwardChoice = "auto",
): Promise<LoadedVersion> {
  const row = await db.modelVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { id: true, version: true, artifactId: true, signature: true, model: { select: { name: true } } },
  });
  const label = `${row.model.name} version ${row.version}`;
  const artifact = await loadVerifiedArtifact(row.artifactId, label);
  const loaded = await loadModelFromArtifact(tf, artifact);
  const dense = forward === "auto" ? denseForwardOf(loaded.model) : null;
  // One batch of encoded rows, synchronously: a small MLP takes well under a millisecond per row.
  const run = dense
    ? (rows: number[][]) => toPredictions(loaded, forwardDense(dense, rows), rows.length)
    : (rows: number[][]) => predictEncoded(tf, loaded, rows);
  return {
    versionId,
    model: row.model.name,
    version: row.version,
    signature: row.signature as Signature,
    preprocessing: artifact.preprocessing,
    engine: dense ? "js" : "tfjs",
    batcher: new MicroBatcher(run, batching),
    dispose: () => loaded.model.dispose(),
  };
}
