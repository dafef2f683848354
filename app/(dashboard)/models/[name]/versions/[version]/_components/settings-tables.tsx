import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FeatureTransform } from "@/lib/datasets/prepared";
import { flatten } from "@/lib/models/compare";

/** Hyperparameters as dotted keys (model.hidden, split.test…), one per row. */
export function HyperparametersTable({ hyperparameters }: { hyperparameters: Record<string, unknown> | null }) {
  if (!hyperparameters)
    return <p className="p-4 text-sm text-slate-400">Not recorded (registered from outside Rackmind).</p>;
  const rows = Object.entries(flatten(hyperparameters)).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Table label="Hyperparameters">
      <THead>
        <Th>Setting</Th>
        <Th>Value</Th>
      </THead>
      <TBody>
        {rows.map(([key, value]) => (
          <Tr key={key} testId="hyperparameter">
            <Td isMono>{key}</Td>
            <Td isMono isMuted>
              {value === null ? "—" : value === "" ? "(none)" : String(value)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

const round = (v: number) => String(Number(v.toPrecision(6)));

function imputation(f: FeatureTransform): string {
  if (f.kind === "categorical") return `most frequent: ${f.impute}`;
  const also = f.missingValues.length ? `; ${f.missingValues.join(", ")} also read as missing` : "";
  return `${f.imputeStrategy} ${round(f.impute)}${also}`;
}

function scaling(f: FeatureTransform): string {
  if (f.kind === "categorical") return "one-hot";
  const s = f.scale;
  if (s.method === "zscore") return `z-score: mean ${round(s.mean)}, std ${round(s.std)}`;
  if (s.method === "minmax") return `min–max: ${round(s.min)} … ${round(s.max)}`;
  return "none";
}

/**
 * The preprocessing fitted on the training split, per feature: what fills a
 * missing value, how it is scaled, and a categorical's categories in input order.
 */
export function PreprocessingTable({ preprocessing }: { preprocessing: Record<string, unknown> | null }) {
  const features = (preprocessing?.features ?? null) as FeatureTransform[] | null;
  if (!features) return <p className="p-4 text-sm text-slate-400">Not recorded (registered from outside Rackmind).</p>;
  return (
    <Table label="Preprocessing per feature">
      <THead>
        <Th>Feature</Th>
        <Th>Kind</Th>
        <Th>Missing values become</Th>
        <Th>Scaling</Th>
        <Th>Categories</Th>
      </THead>
      <TBody>
        {features.map((f) => (
          <Tr key={f.name} testId="preprocessing-feature">
            <Td isMono>{f.name}</Td>
            <Td isMuted>{f.kind}</Td>
            <Td isMuted className="text-[12px]">
              {imputation(f)}
            </Td>
            <Td isMuted className="text-[12px]">
              {scaling(f)}
            </Td>
            <Td isMono isMuted className="text-[12px]">
              {f.kind === "categorical" ? f.categories.join(", ") : "—"}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
