import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ColumnProfile } from "@/lib/datasets/cleaning-report";
import type { ZeroSuspect } from "@/lib/datasets/zero-suspects";
import { asLocale } from "@/lib/i18n/locales";
import { formatCount, formatStat } from "./report-format";

const roleTone: Record<ColumnProfile["role"], BadgeTone> = { feature: "neutral", target: "accent", ignored: "warn" };

/**
 * What imputation did to this column: the strategy and value only where cells
 * were actually filled. With nothing missing it says so; the strategy still
 * applies to a missing input at serving, which the tooltip tells.
 */
function ImputedWith({
  p,
  missingStrategy,
  isZeroSuspect,
}: {
  p: ColumnProfile;
  missingStrategy: "impute" | "drop";
  isZeroSuspect: boolean;
}) {
  const t = useTranslations("datasets.columns");
  const locale = asLocale(useLocale());
  if (p.role !== "feature") return <>—</>;
  if (!p.imputation) {
    if (missingStrategy !== "drop") return <>—</>;
    return p.missing > 0 ? <span title={t("rowsDroppedTitle")}>{t("rowsDropped")}</span> : <>{t("noneMissing")}</>;
  }
  const value =
    typeof p.imputation.value === "number" ? formatStat(p.imputation.value, locale) : (p.imputation.value ?? "—");
  const strategy = t(`strategies.${p.imputation.strategy}`);
  if (p.imputation.cells === 0) {
    const serving = t("serving", { strategy, value });
    return isZeroSuspect ? (
      <span title={t("zerosKeptTitle", { serving })}>{t("zerosKept")}</span>
    ) : (
      <span title={t("noneMissingTitle", { serving })}>{t("noneMissing")}</span>
    );
  }
  return (
    <span title={t("refitTitle", { strategy })}>
      {t("imputedValue", { strategy, value })}{" "}
      <span className="text-slate-500">×{formatCount(p.imputation.cells, locale)}</span>
    </span>
  );
}

/** The missing count; ignored columns are not read, so they have none to show. Zeros that look like "not measured" are marked. */
function Missing({ p, suspect }: { p: ColumnProfile; suspect: ZeroSuspect | undefined }) {
  const t = useTranslations("datasets.columns");
  const locale = asLocale(useLocale());
  if (p.role === "ignored") return <span title={t("ignoredNotChecked")}>—</span>;
  return (
    <>
      {formatCount(p.missing, locale)}
      {suspect && (
        <span
          className="text-amber-300"
          title={t("zeroSuspectTitle", {
            zeros: formatCount(suspect.zeros, locale),
            min: formatStat(suspect.minNonZero, locale),
          })}
          data-testid="column-zero-suspect"
        >
          {" "}
          {t("zeroSuspect", { zeros: formatCount(suspect.zeros, locale) })}
        </span>
      )}
    </>
  );
}

/** Every column of the upload in file order: role, type, and what cleaning found in it. */
export function ColumnsTable({
  columns,
  missingStrategy,
  zeroSuspects,
}: {
  columns: ColumnProfile[];
  missingStrategy: "impute" | "drop";
  zeroSuspects: ZeroSuspect[];
}) {
  const t = useTranslations("datasets.columns");
  const locale = asLocale(useLocale());
  const stat = (value: number | null | undefined) => formatStat(value, locale);
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("column")}</Th>
        <Th>{t("role")}</Th>
        <Th>{t("type")}</Th>
        <Th isNumeric>{t("missing")}</Th>
        <Th>{t("imputedWith")}</Th>
        <Th isNumeric>{t("outliers")}</Th>
        <Th isNumeric>{t("min")}</Th>
        <Th isNumeric>{t("max")}</Th>
        <Th isNumeric>{t("mean")}</Th>
        <Th isNumeric>{t("std")}</Th>
        <Th isNumeric>{t("distinct")}</Th>
      </THead>
      <TBody>
        {columns.map((p) => (
          <Tr key={p.name} testId="column-row">
            <Td isMono className="font-medium">
              {p.name}
            </Td>
            <Td>
              <Badge tone={roleTone[p.role]}>{t(`roles.${p.role}`)}</Badge>
            </Td>
            <Td isMuted>{t(`types.${p.type}`)}</Td>
            <Td isNumeric isMono>
              <Missing p={p} suspect={zeroSuspects.find((z) => z.column === p.name)} />
            </Td>
            <Td isMono isMuted>
              <ImputedWith
                p={p}
                missingStrategy={missingStrategy}
                isZeroSuspect={zeroSuspects.some((z) => z.column === p.name)}
              />
            </Td>
            <Td isNumeric isMono>
              {p.outliers ? (
                <span title={t("outsideTitle", { lower: stat(p.outliers.lower), upper: stat(p.outliers.upper) })}>
                  {formatCount(p.outliers.count, locale)}
                </span>
              ) : (
                "—"
              )}
            </Td>
            <Td isNumeric isMono>
              {stat(p.stats?.min)}
            </Td>
            <Td isNumeric isMono>
              {stat(p.stats?.max)}
            </Td>
            <Td isNumeric isMono>
              {stat(p.stats?.mean)}
            </Td>
            <Td isNumeric isMono>
              {stat(p.stats?.std)}
            </Td>
            <Td isNumeric isMono isMuted>
              {p.role === "ignored" ? "—" : formatCount(p.distinct, locale)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
