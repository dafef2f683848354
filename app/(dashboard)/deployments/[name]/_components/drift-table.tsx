import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DeploymentMetrics } from "@/lib/deployments/metrics";
import { formatFixed } from "@/lib/format";
import { formatCount, formatPValue, psiBandWords } from "../../_components/deployment-format";
import { useFormatWords } from "../../_components/format-words";

type Feature = DeploymentMetrics["driftDetail"]["features"][number];

const bandTone: Record<Feature["band"], BadgeTone> = { stable: "good", moderate: "warn", drifted: "bad" };

/** The test's statistic and effect size; KS and χ² are named as statisticians write them, in every language. */
function TestCell({ f }: { f: Feature }) {
  const t = useTranslations("deployments.driftTable");
  const { locale } = useFormatWords();
  return f.test.kind === "ks" ? (
    <>{t("ks", { statistic: formatFixed(f.test.statistic, 3, locale) })}</>
  ) : (
    <>
      {t("chi2", {
        statistic: `χ² ${formatFixed(f.test.statistic, 1, locale)}`,
        effect: `Cramér’s V ${formatFixed(f.test.effectSize, 3, locale)}`,
      })}
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
  const t = useTranslations("deployments.driftTable");
  const words = useFormatWords();
  const { locale } = words;
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("feature")}</Th>
        <Th isNumeric>{t("psi")}</Th>
        <Th>{t("band")}</Th>
        <Th>{t("test")}</Th>
        <Th isNumeric>{t("pValue")}</Th>
        <Th isNumeric>{t("trainingRows")}</Th>
        <Th isNumeric>{t("liveValues")}</Th>
        <Th isNumeric>{t("liveMissing")}</Th>
      </THead>
      <TBody>
        {drift.features.length === 0 && (
          <EmptyRow colSpan={8}>
            {drift.unknown === null ? t("noFeatures") : <span data-stored-text>{drift.unknown}</span>}
          </EmptyRow>
        )}
        {drift.features.map((f) => (
          <Tr key={f.name} testId="drift-row">
            <Td isMono>
              {f.name} <span className="text-slate-500">({t(`type.${f.type}`)})</span>
            </Td>
            <Td isNumeric>
              <span data-testid="drift-psi">{formatFixed(f.psi, 3, locale)}</span>
            </Td>
            <Td>
              <Badge tone={bandTone[f.band]} hasDot>
                {psiBandWords(f.band, words)}
              </Badge>
            </Td>
            <Td className="whitespace-nowrap text-[12px]">
              <TestCell f={f} />
            </Td>
            <Td isNumeric>{formatPValue(f.test.pValue, locale)}</Td>
            <Td isNumeric isMuted>
              {formatCount(f.samples.training, locale)}
            </Td>
            <Td isNumeric>{formatCount(f.samples.live, locale)}</Td>
            <Td isNumeric isMuted>
              {formatCount(f.samples.liveMissing, locale)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
