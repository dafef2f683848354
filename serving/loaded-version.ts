/**
 * A model version as the serving process holds it: loaded once through the
 * registry (its artifact's hash checked), with its signature and
 * preprocessing, and its own micro-batcher so concurrent requests share model
 * calls.
 */
import { db } from "../lib/db";
import type { Tf } from "../lib/training/backend/backend";
import { loadVerifiedArtifact } from "../lib/models/artifact-store";
import { loadModelFromArtifact, predictEncoded, type Prediction } from "../lib/models/artifact";
import type { Preprocessing } from "../lib/datasets/prepared";
import type { Signature } from "../lib/models/schemas";
import { MicroBatcher, type BatcherOptions } from "./batcher";

export type { Prediction };

export type LoadedVersion = {
  versionId: string;
  model: string;
  version: number;
  signature: Signature;
  preprocessing: Preprocessing;
  batcher: MicroBatcher<number[], Prediction>;
  dispose: () => void;
};

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
    // One batch of encoded rows, synchronously: a small MLP takes well under a millisecond per row.
    batcher: new MicroBatcher((rows) => predictEncoded(tf, loaded, rows), batching),
    dispose: () => loaded.model.dispose(),
  };
}
