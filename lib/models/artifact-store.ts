/**
 * Reading stored artifacts, always through their hash: whoever loads weights
 * (the artifact download, evaluation jobs, serving) gets them from here, and
 * a mismatch is an error, never a silent load.
 */
import { db } from "../db";
import type { Preprocessing } from "../datasets/prepared";
import { AppError } from "../errors";
import { logger } from "../observability/logger";
import type { ModelArtifactParts } from "./artifact";
import { artifactSha256 } from "./artifact-hash";

export type VerifiedArtifact = ModelArtifactParts & { id: string; sha256: string };

type ArtifactRow = {
  id: string;
  modelTopology: unknown;
  weightSpecs: unknown;
  weights: Uint8Array;
  preprocessing: unknown;
  sha256: string | null;
};

function partsOf(row: ArtifactRow): ModelArtifactParts {
  return {
    modelTopology: row.modelTopology as object,
    weightSpecs: row.weightSpecs as ModelArtifactParts["weightSpecs"],
    weights: new Uint8Array(row.weights),
    preprocessing: row.preprocessing as Preprocessing,
  };
}

/**
 * The artifact, its content checked against its stored sha256. `label` names
 * it in the error ("fraud v3"). An artifact stored before the registry has no
 * hash yet: it is sealed now (set once; the database refuses to change it).
 */
export async function loadVerifiedArtifact(artifactId: string, label: string): Promise<VerifiedArtifact> {
  const row = await db.modelArtifact.findUnique({ where: { id: artifactId } });
  if (!row) throw new AppError("not_found", `The artifact of ${label} does not exist`);
  const parts = partsOf(row);
  const computed = artifactSha256(parts);
  if (row.sha256 === null) {
    await db.modelArtifact.updateMany({ where: { id: artifactId, sha256: null }, data: { sha256: computed } });
    logger.info({ artifactId, sha256: computed }, "artifact stored before hashes sealed on first load");
    return { ...parts, id: row.id, sha256: computed };
  }
  if (computed !== row.sha256) {
    logger.error({ artifactId, stored: row.sha256, computed }, "artifact fails its integrity check");
    throw new AppError(
      "integrity_error",
      `The artifact of ${label} fails its integrity check: its content hashes to ${computed.slice(0, 12)}…, not the ${row.sha256.slice(0, 12)}… recorded when it was stored. It was changed since; Rackmind refuses to load it.`,
      { artifactId, storedSha256: row.sha256, computedSha256: computed },
    );
  }
  return { ...parts, id: row.id, sha256: row.sha256 };
}

/** The artifact of a training run (evaluating a run that predates the registry), verified like any other. */
export async function loadVerifiedRunArtifact(runId: string): Promise<VerifiedArtifact | null> {
  const row = await db.modelArtifact.findUnique({ where: { runId }, select: { id: true } });
  return row ? loadVerifiedArtifact(row.id, `training run ${runId}`) : null;
}
