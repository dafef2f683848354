/**
 * An artifact's sha256: over its canonical form, so the same model hashes the
 * same whichever way its JSON was stored. The database keeps the JSON parts
 * as jsonb, which reorders keys and drops whitespace; hashing the bytes as
 * first written would make every load a false mismatch.
 */
import { createHash } from "node:crypto";
import type { ModelArtifactParts } from "./artifact";

const FORMAT = "rackmind-artifact/1";

/** JSON with object keys sorted at every depth; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** sha256 (hex) of the topology, weight specs and preprocessing (canonical JSON), then the weight bytes. */
export function artifactSha256(parts: ModelArtifactParts): string {
  const { modelTopology, weightSpecs, preprocessing, weights } = parts;
  return createHash("sha256")
    .update(`${FORMAT}\n`)
    .update(canonicalJson({ modelTopology, weightSpecs, preprocessing }))
    .update("\n")
    .update(weights)
    .digest("hex");
}

/** sha256 (hex) of the weight bytes alone: what `sha256sum weights.bin` prints for a download. */
export function weightsSha256(weights: Uint8Array): string {
  return createHash("sha256").update(weights).digest("hex");
}
