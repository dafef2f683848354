/**
 * Instances checked against a version's input signature before they reach the
 * model: the number of values (arrays) or the feature names (objects), a
 * number for a numeric feature, a known category for a categorical one, null
 * for missing. Every problem is named by instance and feature, all at once,
 * so a client fixes its payload in one go.
 */
import { AppError } from "../errors";
import type { Cell } from "../datasets/cells";
import type { Signature } from "../models/schemas";

export type Instance = readonly Cell[] | Readonly<Record<string, Cell>>;
export type InstanceProblem = { instance: number; field: string | null; message: string };

const MAX_PROBLEMS = 20;

function checkCell(f: Signature["features"][number], value: Cell, at: number, out: InstanceProblem[]): void {
  if (value === null) return;
  if (f.type === "numeric") {
    if (typeof value !== "number" || !Number.isFinite(value))
      out.push({ instance: at, field: f.name, message: `expected a number, got ${JSON.stringify(value)}` });
    return;
  }
  if (typeof value !== "string" || !f.categories.includes(value))
    out.push({
      instance: at,
      field: f.name,
      message: `expected one of ${f.categories.join(", ")}, got ${JSON.stringify(value)}`,
    });
}

/** The instances as value rows in signature order; 422 naming every instance and field that does not fit. */
export function checkInstances(signature: Signature, instances: readonly Instance[]): Cell[][] {
  const names = signature.features.map((f) => f.name);
  const problems: InstanceProblem[] = [];
  const rows = instances.map((instance, at) => {
    if (Array.isArray(instance)) {
      if (instance.length !== names.length)
        problems.push({
          instance: at,
          field: null,
          message: `expected ${names.length} values (${names.join(", ")}), got ${instance.length}`,
        });
      signature.features.forEach((f, i) => checkCell(f, instance[i] ?? null, at, problems));
      return [...instance];
    }
    const record = instance as Readonly<Record<string, Cell>>;
    for (const key of Object.keys(record))
      if (!names.includes(key)) problems.push({ instance: at, field: key, message: "is not a feature of this model" });
    for (const f of signature.features) {
      if (!(f.name in record))
        problems.push({ instance: at, field: f.name, message: "is missing (send null for a missing value)" });
      else checkCell(f, record[f.name]!, at, problems);
    }
    return names.map((n) => record[n] ?? null);
  });
  if (problems.length) {
    const first = problems[0]!;
    const where = `instances[${first.instance}]${first.field ? `.${first.field}` : ""}`;
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    throw new AppError("unprocessable_entity", `${where}: ${first.message}${more}`, problems.slice(0, MAX_PROBLEMS));
  }
  return rows;
}
