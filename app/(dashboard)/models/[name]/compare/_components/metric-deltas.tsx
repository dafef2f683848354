import { useLocale, useTranslations } from "next-intl";
import { formatDelta, formatFraction, versionTag } from "@/components/ui/model-figures";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatFixed, formatNumber } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { CompareOut } from "@/lib/models/outputs";

type Row = CompareOut["metrics"][number];
type Format = { value: (v: number, locale: Locale) => string; delta: (d: number, locale: Locale) => string };

const fraction: Format = { value: formatFraction, delta: (d, locale) => formatDelta(d, locale, 3) };
const loss: Format = {
  value: (v, locale) => formatFixed(v, 4, locale),
  delta: (d, locale) => formatDelta(d, locale, 4),
};
const count: Format = {
  value: (v, locale) => formatNumber(v, locale),
  delta: (d, locale) => formatDelta(d, locale, 0),
};
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

/** lib/models/compare.ts's metric names → their catalogue keys (models.compare.deltas.metric.*). */
const metricKeys: Record<string, string> = {
  accuracy: "accuracy",
  precision: "precision",
  recall: "recall",
  f1: "f1",
  rocAuc: "rocAuc",
  "validation loss": "validationLoss",
  "validation accuracy": "validationAccuracy",
  "training loss": "trainingLoss",
  epochs: "epochs",
  "energy kWh": "energyKwh",
  "CO₂e kg": "co2eKg",
  cost: "cost",
  "GPU events": "gpuEvents",
};

/**
 * Each figure per version, and how far it moved from the first version's
 * (signed, e.g. +0.012): the sign is written, not only coloured. A figure a
 * version lacks is "—", and so is its delta.
 */
export function MetricDeltas({ versions, metrics }: { versions: number[]; metrics: Row[] }) {
  const t = useTranslations("models.compare.deltas");
  const locale = asLocale(useLocale());
  const base = versionTag(versions[0]!);
  // A metric the catalogue does not know yet is shown by its name, as the API gives it.
  const nameOf = (metric: string) => (metricKeys[metric] ? t(`metric.${metricKeys[metric]}`) : metric);
  return (
    <Table label={t("table")}>
      <THead>
        <Th>{t("figure")}</Th>
        {versions.map((v, i) => (
          <Th key={v} isNumeric>
            {i === 0 ? t("base", { version: versionTag(v) }) : t("against", { version: versionTag(v), base })}
          </Th>
        ))}
      </THead>
      <TBody>
        {metrics.map((m) => {
          const f = formatOf(m.metric);
          return (
            <Tr key={m.metric} testId="metric-row">
              <Td>{nameOf(m.metric)}</Td>
              {m.values.map((v, i) => {
                const d = m.deltas[i];
                return (
                  <Td key={i} isNumeric isMono>
                    {v === null ? <span className="text-slate-500">—</span> : f.value(v, locale)}
                    {i > 0 && (
                      <span className="ml-2 inline-block min-w-16 text-slate-400" data-testid="metric-delta">
                        {d === null || d === undefined ? "—" : f.delta(d, locale)}
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
