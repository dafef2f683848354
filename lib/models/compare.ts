/**
 * Versions side by side: which hyperparameters and preprocessing differ, how
 * every figure moved against the first version, confusion matrices, verdicts
 * and what the GPUs showed. The diffing is pure; compareVersions reads the rows.
 */
import { AppError } from "../errors";
import { db } from "../db";
import type { CompareOut, DiffRow } from "./outputs";
import { policiesOf, getModelRowOrThrow } from "./versions";
import { readEnergy, readLineage, readMetrics, toVersionSummary, eventCount } from "./version-views";
import type { VersionLineage, VersionMetrics, VersionEnergy } from "./schemas";

type Scalar = string | number | boolean | null;

/** Nested objects as dotted keys; arrays of scalars joined, other arrays as JSON. */
export function flatten(value: unknown, prefix = "", out: Record<string, Scalar> = {}): Record<string, Scalar> {
  if (value === null || value === undefined || typeof value !== "object") {
    if (prefix) out[prefix] = (value ?? null) as Scalar;
    return out;
  }
  if (Array.isArray(value)) {
    out[prefix] = value.every((v) => v === null || typeof v !== "object") ? value.join(", ") : JSON.stringify(value);
    return out;
  }
  for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** One row per key any record has, in key order; `differs` when the values are not all equal. */
export function diffRows(records: (Record<string, Scalar> | null)[]): DiffRow[] {
  const keys = [...new Set(records.flatMap((r) => (r ? Object.keys(r) : [])))].sort();
  return keys.map((key) => {
    const values = records.map((r) => (r && key in r ? r[key]! : null));
    return { key, values, differs: values.some((v) => v !== values[0]) };
  });
}

/** The preprocessing as comparable keys: the dataset version and hashes, cleaning options, each feature's transform. */
export function preprocessingRecord(lineage: VersionLineage): Record<string, Scalar> | null {
  if (!lineage.dataset && !lineage.preprocessing) return null;
  const out: Record<string, Scalar> = {};
  if (lineage.dataset) {
    out.dataset = `${lineage.dataset.name}@${lineage.dataset.version}`;
    out["dataset.cleanedHash"] = lineage.dataset.cleanedHash;
    flatten(lineage.dataset.options, "cleaning", out);
  }
  const features = (lineage.preprocessing?.features ?? []) as { name: string }[];
  for (const f of features) {
    const { name, ...rest } = f;
    flatten(rest, `feature.${name}`, out);
  }
  if (lineage.preprocessing?.classes) out.labels = (lineage.preprocessing.classes as string[]).join(", ");
  return out;
}

const METRICS: [string, (m: VersionMetrics, e: VersionEnergy, l: VersionLineage) => number | null][] = [
  ["accuracy", (m) => m.evaluation?.accuracy ?? null],
  ["precision", (m) => m.evaluation?.precision ?? null],
  ["recall", (m) => m.evaluation?.recall ?? null],
  ["f1", (m) => m.evaluation?.f1 ?? null],
  ["rocAuc", (m) => m.evaluation?.rocAuc ?? null],
  ["validation loss", (m) => m.validation?.loss ?? null],
  ["validation accuracy", (m) => m.validation?.accuracy ?? null],
  ["training loss", (m) => m.training?.loss ?? null],
  ["epochs", (m) => m.training?.epochs ?? null],
  ["energy kWh", (_m, e) => e.kwh],
  ["CO₂e kg", (_m, e) => e.co2eKg],
  ["cost", (_m, e) => e.cost],
  ["GPU events", (_m, _e, l) => eventCount(l.gpuEvents)],
];

export function metricRows(parts: { metrics: VersionMetrics; energy: VersionEnergy; lineage: VersionLineage }[]) {
  return METRICS.map(([metric, read]) => {
    const values = parts.map((p) => read(p.metrics, p.energy, p.lineage));
    const base = values[0] ?? null;
    return {
      metric,
      values,
      deltas: values.map((v) => (v === null || base === null ? null : Number((v - base).toPrecision(12)))),
    };
  });
}

/** Versions `versions` of model `name`, in the order asked; 404 naming any that is missing. */
export async function compareVersions(name: string, versions: number[]): Promise<CompareOut> {
  const model = await getModelRowOrThrow(name);
  const [rows, policies] = await Promise.all([
    db.modelVersion.findMany({
      where: { modelId: model.id, version: { in: versions } },
      include: { aliases: { select: { alias: true } }, model: { select: { name: true } } },
    }),
    policiesOf(model.id),
  ]);
  const missing = versions.filter((v) => !rows.some((r) => r.version === v));
  if (missing.length)
    throw new AppError("not_found", `Model ${name} has no version ${missing.join(", ")}`, { missing });
  const ordered = versions.map((v) => rows.find((r) => r.version === v)!);
  const parts = ordered.map((r) => ({
    metrics: readMetrics(r.metrics),
    energy: readEnergy(r.energy),
    lineage: readLineage(r.lineage),
  }));
  return {
    name,
    versions: ordered.map((r) => toVersionSummary(r, policies)),
    hyperparameters: diffRows(
      parts.map((p) =>
        p.lineage.hyperparameters ? { ...flatten(p.lineage.hyperparameters), seed: p.lineage.seed } : null,
      ),
    ),
    preprocessing: diffRows(parts.map((p) => preprocessingRecord(p.lineage))),
    metrics: metricRows(parts),
    confusion: ordered.flatMap((r, i) => {
      const e = parts[i]!.metrics.evaluation;
      return e ? [{ version: r.version, classes: e.classes, matrix: e.confusion }] : [];
    }),
    verdicts: parts.map((p) => p.metrics.verdict),
    gpuEvents: parts.map((p) => p.lineage.gpuEvents),
  };
}

export type MetricPoint = {
  version: number;
  accuracy: number | null;
  f1: number | null;
  /** Which rows accuracy and F1 are on (test, validation, train); versions may differ. */
  split: string | null;
  energyKwh: number | null;
  verdict: string | null;
  archived: boolean;
};

/** A metric over every version of a model, oldest first (the model page's chart). */
export async function metricSeries(name: string): Promise<MetricPoint[]> {
  const model = await getModelRowOrThrow(name);
  const rows = await db.modelVersion.findMany({
    where: { modelId: model.id },
    orderBy: { version: "asc" },
    select: {
      version: true,
      accuracy: true,
      f1: true,
      energyKwh: true,
      archivedAt: true,
      verdictKind: true,
      metrics: true,
    },
  });
  return rows.map((r) => ({
    version: r.version,
    accuracy: r.accuracy,
    f1: r.f1,
    split: readMetrics(r.metrics).evaluation?.split ?? null,
    energyKwh: r.energyKwh,
    verdict: r.verdictKind,
    archived: r.archivedAt !== null,
  }));
}
