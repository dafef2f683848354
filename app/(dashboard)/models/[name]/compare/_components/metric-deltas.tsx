import { formatDelta, formatFraction } from "@/components/ui/model-figures";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { CompareOut } from "@/lib/models/outputs";

type Row = CompareOut["metrics"][number];
type Format = { value: (v: number) => string; delta: (d: number) => string };

const fraction: Format = { value: formatFraction, delta: (d) => formatDelta(d, 3) };
const loss: Format = { value: (v) => v.toFixed(4), delta: (d) => formatDelta(d, 4) };
const count: Format = { value: (v) => String(v), delta: (d) => formatDelta(d, 0) };
// Energy, CO₂e and cost of short runs are tiny: two significant digits, not a fixed number of places.
const small: Format = {
  value: (v) => String(Number(v.toPrecision(2))),
  delta: (d) => (d === 0 ? "±0" : `${d > 0 ? "+" : "−"}${Number(Math.abs(d).toPrecision(2))}`),
};

const formats: Record<string, Format> = {
  "validation loss": loss,
  "training loss": loss,
  epochs: count,
  "GPU events": count,
  "energy kWh": small,
  "CO₂e kg": small,
  cost: small,
};
const formatOf = (metric: string) => formats[metric] ?? fraction;

const names: Record<string, string> = {
  accuracy: "Accuracy",
  precision: "Precision",
  recall: "Recall",
  f1: "F1",
  rocAuc: "ROC AUC",
};

/**
 * Each figure per version, and how far it moved from the first version's
 * (signed, e.g. +0.012): the sign is written, not only coloured. A figure a
 * version lacks is "—", and so is its delta.
 */
export function MetricDeltas({ versions, metrics }: { versions: number[]; metrics: Row[] }) {
  const base = versions[0];
  return (
    <Table label="Figures and their change against the first version">
      <THead>
        <Th>Figure</Th>
        {versions.map((v, i) => (
          <Th key={v} isNumeric>
            v{v}
            {i === 0 ? " (base)" : ` (Δ vs v${base})`}
          </Th>
        ))}
      </THead>
      <TBody>
        {metrics.map((m) => {
          const f = formatOf(m.metric);
          return (
            <Tr key={m.metric} testId="metric-row">
              <Td>{names[m.metric] ?? m.metric[0]!.toUpperCase() + m.metric.slice(1)}</Td>
              {m.values.map((v, i) => {
                const d = m.deltas[i];
                return (
                  <Td key={i} isNumeric isMono>
                    {v === null ? <span className="text-slate-500">—</span> : f.value(v)}
                    {i > 0 && (
                      <span className="ml-2 inline-block min-w-16 text-slate-400" data-testid="metric-delta">
                        {d === null || d === undefined ? "—" : f.delta(d)}
                      </span>
                    )}
                  </Td>
                );
              })}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
