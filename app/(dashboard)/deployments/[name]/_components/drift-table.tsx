import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DeploymentMetrics } from "@/lib/deployments/metrics";
import { formatCount, formatPValue, psiBandWords } from "../../_components/deployment-format";

type Feature = DeploymentMetrics["driftDetail"]["features"][number];

const bandTone: Record<Feature["band"], BadgeTone> = { stable: "good", moderate: "warn", drifted: "bad" };

function TestCell({ f }: { f: Feature }) {
  return f.test.kind === "ks" ? (
    <>KS D {f.test.statistic.toFixed(3)}</>
  ) : (
    <>
      χ² {f.test.statistic.toFixed(1)}, Cramér’s V {f.test.effectSize.toFixed(3)}
    </>
  );
}

/**
 * Drift per feature of the stable version's live inputs against its training
 * split: PSI with its band in words, the KS or χ² test beside it with effect
 * size, p-value and both sample counts (a p-value alone says little at serving
 * volumes).
 */
export function DriftTable({ drift }: { drift: DeploymentMetrics["driftDetail"] }) {
  return (
    <Table label="Drift per feature">
      <THead>
        <Th>Feature</Th>
        <Th isNumeric>PSI</Th>
        <Th>Band</Th>
        <Th>Test</Th>
        <Th isNumeric>p-value</Th>
        <Th isNumeric>Training rows</Th>
        <Th isNumeric>Live values</Th>
        <Th isNumeric>Live missing</Th>
      </THead>
      <TBody>
        {drift.features.length === 0 && (
          <EmptyRow colSpan={8}>{drift.unknown ?? "The signature has no features to compare."}</EmptyRow>
        )}
        {drift.features.map((f) => (
          <Tr key={f.name} testId="drift-row">
            <Td isMono>
              {f.name} <span className="text-slate-500">({f.type})</span>
            </Td>
            <Td isNumeric>
              <span data-testid="drift-psi">{f.psi.toFixed(3)}</span>
            </Td>
            <Td>
              <Badge tone={bandTone[f.band]} hasDot>
                {psiBandWords(f.band)}
              </Badge>
            </Td>
            <Td className="whitespace-nowrap text-[12px]">
              <TestCell f={f} />
            </Td>
            <Td isNumeric>{formatPValue(f.test.pValue)}</Td>
            <Td isNumeric isMuted>
              {formatCount(f.samples.training)}
            </Td>
            <Td isNumeric>{formatCount(f.samples.live)}</Td>
            <Td isNumeric isMuted>
              {formatCount(f.samples.liveMissing)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
