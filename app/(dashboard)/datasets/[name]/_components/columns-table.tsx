import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ColumnProfile } from "@/lib/datasets/cleaning-report";
import type { ZeroSuspect } from "@/lib/datasets/zero-suspects";
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
  if (p.role !== "feature") return <>—</>;
  if (!p.imputation) {
    if (missingStrategy !== "drop") return <>—</>;
    return p.missing > 0 ? (
      <span title="Rows with a missing value here were dropped (missing=drop), not imputed">rows dropped</span>
    ) : (
      <>none missing</>
    );
  }
  const value = typeof p.imputation.value === "number" ? formatStat(p.imputation.value) : (p.imputation.value ?? "—");
  if (p.imputation.cells === 0) {
    const serving = `A missing value at serving would be filled with the ${p.imputation.strategy} of each training run's train split (whole dataset: ${value}).`;
    return isZeroSuspect ? (
      <span title={`Nothing was counted missing: the zeros are kept as values. ${serving}`}>
        none — zeros kept as values
      </span>
    ) : (
      <span title={`Nothing was missing in the kept rows. ${serving}`}>none missing</span>
    );
  }
  return (
    <span
      title={`Whole-dataset value, for review; each training run refits the ${p.imputation.strategy} on its train split.`}
    >
      {p.imputation.strategy} {value} <span className="text-slate-500">×{formatCount(p.imputation.cells)}</span>
    </span>
  );
}

/** The missing count; ignored columns are not read, so they have none to show. Zeros that look like "not measured" are marked. */
function Missing({ p, suspect }: { p: ColumnProfile; suspect: ZeroSuspect | undefined }) {
  if (p.role === "ignored") return <span title="Ignored columns are not checked">—</span>;
  return (
    <>
      {formatCount(p.missing)}
      {suspect && (
        <span
          className="text-amber-300"
          title={`${formatCount(suspect.zeros)} exact zeros, then nothing below ${formatStat(suspect.minNonZero)}: they look like "not measured" but are counted as values`}
          data-testid="column-zero-suspect"
        >
          {" "}
          +{formatCount(suspect.zeros)} zeros?
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
  return (
    <Table label="Columns">
      <THead>
        <Th>Column</Th>
        <Th>Role</Th>
        <Th>Type</Th>
        <Th isNumeric>Missing</Th>
        <Th>Imputed with</Th>
        <Th isNumeric>Outliers</Th>
        <Th isNumeric>Min</Th>
        <Th isNumeric>Max</Th>
        <Th isNumeric>Mean</Th>
        <Th isNumeric>Std</Th>
        <Th isNumeric>Distinct</Th>
      </THead>
      <TBody>
        {columns.map((p) => (
          <Tr key={p.name} testId="column-row">
            <Td isMono className="font-medium">
              {p.name}
            </Td>
            <Td>
              <Badge tone={roleTone[p.role]}>{p.role}</Badge>
            </Td>
            <Td isMuted>{p.type}</Td>
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
                <span title={`outside ${formatStat(p.outliers.lower)} … ${formatStat(p.outliers.upper)}`}>
                  {formatCount(p.outliers.count)}
                </span>
              ) : (
                "—"
              )}
            </Td>
            <Td isNumeric isMono>
              {formatStat(p.stats?.min)}
            </Td>
            <Td isNumeric isMono>
              {formatStat(p.stats?.max)}
            </Td>
            <Td isNumeric isMono>
              {formatStat(p.stats?.mean)}
            </Td>
            <Td isNumeric isMono>
              {formatStat(p.stats?.std)}
            </Td>
            <Td isNumeric isMono isMuted>
              {p.role === "ignored" ? "—" : formatCount(p.distinct)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
