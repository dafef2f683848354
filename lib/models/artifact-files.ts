/**
 * A version's artifact as files a stock TF.js loads: `model.json` (topology
 * and weights manifest), `weights.bin`, and a sidecar with the preprocessing
 * and signature serving applies. Every read goes through the hash check.
 */
import { toLayersModelFiles, type LayersModelJson } from "./artifact";
import { weightsSha256 } from "./artifact-hash";
import { loadVerifiedArtifact } from "./artifact-store";
import type { Signature } from "./schemas";
import { getVersionRowOrThrow } from "./versions";

export type ArtifactSidecar = {
  format: "rackmind-sidecar/1";
  name: string;
  version: number;
  sha256: string;
  weightsSha256: string;
  signature: Signature;
  preprocessing: unknown;
};

export type ArtifactFiles = {
  sha256: string;
  modelJson: (weightsPath: string) => LayersModelJson & { userDefinedMetadata: { rackmind: { sha256: string } } };
  weights: Uint8Array;
  sidecar: ArtifactSidecar;
};

/** The verified files of version `version` of `name` (404 when absent, integrity_error when tampered with). */
export async function readArtifactFiles(name: string, version: number): Promise<ArtifactFiles> {
  const { row } = await getVersionRowOrThrow(name, version);
  const artifact = await loadVerifiedArtifact(row.artifactId, `${name} version ${version}`);
  const signature = row.signature as Signature;
  return {
    sha256: artifact.sha256,
    weights: artifact.weights,
    modelJson: (weightsPath) => {
      const { modelJson } = toLayersModelFiles(artifact, {
        weightsPath,
        generatedBy: `Rackmind model registry: ${name} version ${version}`,
      });
      return {
        ...modelJson,
        userDefinedMetadata: { rackmind: { ...modelJson.userDefinedMetadata.rackmind, sha256: artifact.sha256 } },
      };
    },
    sidecar: {
      format: "rackmind-sidecar/1",
      name,
      version,
      sha256: artifact.sha256,
      weightsSha256: weightsSha256(artifact.weights),
      signature,
      preprocessing: artifact.preprocessing,
    },
  };
}
