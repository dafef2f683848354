import { useTranslations } from "next-intl";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FeatureTransform } from "@/lib/datasets/prepared";
import type { Translate } from "@/lib/i18n/translate";
import { flatten } from "@/lib/models/compare";

/** Hyperparameters as dotted keys (model.hidden, split.test…), one per row. */
export function HyperparametersTable({ hyperparameters }: { hyperparameters: Record<string, unknown> | null }) {
  const t = useTranslations("models.version.settings");
  if (!hyperparameters) return <p className="p-4 text-sm text-slate-400">{t("notRecorded")}</p>;
  const rows = Object.entries(flatten(hyperparameters)).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Table label={t("hyperTable")}>
      <THead>
        <Th>{t("setting")}</Th>
        <Th>{t("value")}</Th>
      </THead>
      <TBody>
        {rows.map(([key, value]) => (
          <Tr key={key} testId="hyperparameter">
            <Td isMono>
              {/* A dotted setting name (model.hidden, split.test): an identifier, not prose. */}
              <span data-stored-text>{key}</span>
            </Td>
            <Td isMono isMuted>
              {/* A setting's value is data (a number, an optimizer's or a column's name). */}
              {value === null ? "—" : value === "" ? t("empty") : <span data-stored-text>{String(value)}</span>}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

const round = (v: number) => String(Number(v.toPrecision(6)));

function imputation(f: FeatureTransform, t: Translate): string {
  if (f.kind === "categorical") return t("mostFrequent", { value: f.impute });
  const parts = { strategy: t(`strategy.${f.imputeStrategy}`), value: round(f.impute) };
  return f.missingValues.length
    ? t("imputeAlso", { ...parts, missing: f.missingValues.join(", ") })
    : t("impute", parts);
}

function scaling(f: FeatureTransform, t: Translate): string {
  if (f.kind === "categorical") return t("oneHot");
  const s = f.scale;
  if (s.method === "zscore") return t("zscore", { mean: round(s.mean), std: round(s.std) });
  if (s.method === "minmax") return t("minmax", { min: round(s.min), max: round(s.max) });
  return t("noScaling");
}

/**
 * The preprocessing fitted on the training split, per feature: what fills a
 * missing value, how it is scaled, and a categorical's categories in input order.
 */
export function PreprocessingTable({ preprocessing }: { preprocessing: Record<string, unknown> | null }) {
  const t = useTranslations("models.version.settings");
  const features = (preprocessing?.features ?? null) as FeatureTransform[] | null;
  if (!features) return <p className="p-4 text-sm text-slate-400">{t("notRecorded")}</p>;
  return (
    <Table label={t("preTable")}>
      <THead>
        <Th>{t("col.feature")}</Th>
        <Th>{t("col.kind")}</Th>
        <Th>{t("col.missing")}</Th>
        <Th>{t("col.scaling")}</Th>
        <Th>{t("col.categories")}</Th>
      </THead>
      <TBody>
        {features.map((f) => (
          <Tr key={f.name} testId="preprocessing-feature">
            <Td isMono>{f.name}</Td>
            <Td isMuted>{t(`kind.${f.kind}`)}</Td>
            <Td isMuted className="text-[12px]">
              {imputation(f, t)}
            </Td>
            <Td isMuted className="text-[12px]">
              {scaling(f, t)}
            </Td>
            <Td isMono isMuted className="text-[12px]">
              {f.kind === "categorical" ? <span data-stored-text>{f.categories.join(", ")}</span> : "—"}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
