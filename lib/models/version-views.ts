/**
 * Stored registry rows as the API answers them. Stored JSON is read through
 * the registry's schemas, leniently: a field an older row lacks reads as
 * unknown, never as a crash.
 */
import type { ModelAliasPolicy, ModelVersion } from "../generated/prisma/client";
import type { AliasPolicyOut, ModelVersionSummaryOut } from "./outputs";
import { unknownEnergy } from "./run-energy";
import { VersionEnergy, VersionLineage, VersionMetrics, type GpuEventsOut } from "./schemas";

/** Aliases protected when no policy row says otherwise. */
export const DEFAULT_PROTECTED_ALIASES: readonly string[] = ["production"];

export function policyOf(
  policies: readonly Pick<ModelAliasPolicy, "alias" | "isProtected" | "requiresApproval">[],
  alias: string,
): AliasPolicyOut {
  const row = policies.find((p) => p.alias === alias);
  return row
    ? { alias, isProtected: row.isProtected, requiresApproval: row.requiresApproval, isDefault: false }
    : { alias, isProtected: DEFAULT_PROTECTED_ALIASES.includes(alias), requiresApproval: false, isDefault: true };
}

export function readLineage(raw: unknown): VersionLineage {
  const parsed = VersionLineage.safeParse(raw);
  if (parsed.success) return parsed.data;
  const r = (raw ?? {}) as Partial<VersionLineage>;
  return {
    source: r.source === "external" ? "external" : "trained",
    dataset: null,
    preprocessing: null,
    hyperparameters: null,
    seed: null,
    codeVersion: null,
    backend: null,
    job: null,
    run: null,
    gpus: [],
    gpuEvents: null,
    externalSource: null,
  };
}

export function readMetrics(raw: unknown): VersionMetrics {
  const parsed = VersionMetrics.safeParse(raw);
  return parsed.success ? parsed.data : { evaluation: null, validation: null, training: null, verdict: null };
}

export function readEnergy(raw: unknown): VersionEnergy {
  const parsed = VersionEnergy.safeParse(raw);
  return parsed.success ? parsed.data : unknownEnergy("Energy was not recorded for this version.", new Date(0));
}

export function eventCount(events: GpuEventsOut | null): number | null {
  if (!events || events.gpusReporting === 0) return null;
  return events.events.length;
}

export type VersionRow = ModelVersion & {
  aliases: { alias: string }[];
  model: { name: string; policies?: never };
};

/** One version as lists show it. `policies` are its model's alias policies (for the protected flag). */
export function toVersionSummary(
  row: VersionRow,
  policies: readonly Pick<ModelAliasPolicy, "alias" | "isProtected" | "requiresApproval">[],
): ModelVersionSummaryOut {
  const lineage = readLineage(row.lineage);
  const metrics = readMetrics(row.metrics);
  const energy = readEnergy(row.energy);
  const evaluation = metrics.evaluation;
  return {
    name: row.model.name,
    version: row.version,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    archived: row.archivedAt !== null,
    description: row.description,
    tags: row.tags,
    aliases: row.aliases
      .map((a) => ({ alias: a.alias, isProtected: policyOf(policies, a.alias).isProtected }))
      .sort((a, b) => a.alias.localeCompare(b.alias)),
    dataset: lineage.dataset ? `${lineage.dataset.name}@${lineage.dataset.version}` : null,
    jobId: row.jobId,
    verdict: metrics.verdict
      ? { kind: metrics.verdict.kind, summary: metrics.verdict.summary, summaryCode: metrics.verdict.summaryCode }
      : null,
    accuracy: evaluation?.accuracy ?? null,
    f1: evaluation?.f1 ?? null,
    split: evaluation?.split ?? null,
    energyKwh: energy.kwh,
    co2eKg: energy.co2eKg,
    cost: energy.cost,
    currency: energy.currency,
    energyNote: energy.note,
    gpuEvents: eventCount(lineage.gpuEvents),
  };
}
