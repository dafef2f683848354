import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ColumnProfile } from "@/lib/datasets/cleaning-report";
import { formatCount, formatStat } from "./report-format";

const roleTone: Record<ColumnProfile["role"], BadgeTone> = { feature: "neutral", target: "accent", ignored: "warn" };

function imputedWith(p: ColumnProfile): string {
  if (!p.imputation) return "—";
  const value = typeof p.imputation.value === "number" ? formatStat(p.imputation.value) : (p.imputation.value ?? "—");
  return `${p.imputation.strategy} ${value}`;
}

/** Every column of the upload in file order: role, type, and what cleaning found in it. */
export function ColumnsTable({ columns }: { columns: ColumnProfile[] }) {
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
              {formatCount(p.missing)}
            </Td>
            <Td isMono isMuted>
              {imputedWith(p)}
              {p.imputation && p.imputation.cells > 0 && <span className="text-slate-500"> ×{formatCount(p.imputation.cells)}</span>}
            </Td>
            <Td isNumeric isMono>
              {p.outliers ? <span title={`outside ${formatStat(p.outliers.lower)} … ${formatStat(p.outliers.upper)}`}>{formatCount(p.outliers.count)}</span> : "—"}
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
