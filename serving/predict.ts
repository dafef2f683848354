/**
 * One predict request: pick the side of a canary split (sticky by request
 * key), check the instances against that version's signature, encode them as
 * training did, share a model call with concurrent requests, answer, and
 * count it — latency and errors per version, a sampled log of inputs and
 * labels for drift and feedback.
 */
import { encodeInstance } from "../lib/datasets/preprocess";
import { checkInstances } from "../lib/deployments/instances";
import type { PredictOut } from "../lib/deployments/outputs";
import { PredictInput } from "../lib/deployments/schemas";
import { AppError } from "../lib/errors";
import { logger } from "../lib/observability/logger";
import { OverloadedError } from "./batcher";
import type { DeploymentCache, ServedDeployment, Side } from "./deployment-cache";
import type { Recorder } from "./recorder";

/** FNV-1a of the key, as a number in [0, 1): the same key always lands on the same side. */
export function stickyShare(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

export function chooseSide(d: ServedDeployment, key: string | undefined): { side: Side; role: "stable" | "canary" } {
  if (d.canary && d.canaryWeight > 0) {
    const share = key === undefined ? Math.random() : stickyShare(key);
    if (share < d.canaryWeight) return { side: d.canary, role: "canary" };
  }
  return { side: d.stable, role: "stable" };
}

export type PredictDeps = { cache: DeploymentCache; recorder: Recorder };

/** Answers a parsed JSON body for deployment `name`; throws AppError / OverloadedError for the edge to map. */
export async function predictFor(
  deps: PredictDeps,
  name: string,
  body: unknown,
  startedAt: number,
): Promise<PredictOut> {
  const d = deps.cache.get(name) ?? (await deps.cache.getFresh(name, Date.now()));
  if (!d) {
    // How stale the cache is tells a typo from a cache that stopped following the database.
    logger.info(
      { deployment: name, syncedAgoMs: Date.now() - deps.cache.lastSyncAt },
      "predict for an unknown deployment",
    );
    throw new AppError("not_found", `Deployment ${name} does not exist`);
  }
  if (d.status !== "active") throw new AppError("conflict", `Deployment ${name} is stopped`);
  const input = PredictInput.parse(body);
  const { side, role } = chooseSide(d, input.key);
  const v = side.loaded;
  if (!v) {
    deps.recorder.count(d.id, side.versionId, performance.now() - startedAt, input.instances.length, true);
    throw new AppError("integrity_error", side.problem ?? `Deployment ${name}'s ${role} version is not loaded`);
  }
  const rows = checkInstances(v.signature, input.instances);
  const encoded = rows.map((r) => encodeInstance(v.preprocessing, r));
  let predictions;
  try {
    predictions = await v.batcher.submit(encoded);
  } catch (err) {
    const isOverload = err instanceof OverloadedError;
    deps.recorder.count(d.id, side.versionId, performance.now() - startedAt, rows.length, true);
    throw isOverload ? err : new AppError("internal", `The model failed to predict: ${(err as Error).message}`);
  }
  const requestId = deps.recorder.newRequestId();
  deps.recorder.count(d.id, side.versionId, performance.now() - startedAt, rows.length, false);
  deps.recorder.logPrediction({
    requestId,
    deploymentId: d.id,
    versionId: side.versionId,
    inputs: () => {
      const names = v.signature.features.map((f) => f.name);
      return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null])));
    },
    labels: predictions.map((p) => p.label),
  });
  return { predictions, modelVersion: { name: v.model, version: v.version }, deployment: name, requestId, role };
}
