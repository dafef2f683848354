import Link from "next/link";
import { useTranslations } from "next-intl";
import { versionHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DeploymentMetrics } from "@/lib/deployments/metrics";
import {
  accuracyReading,
  errorRateReading,
  formatCount,
  latencyReading,
  versionTag,
} from "../../_components/deployment-format";
import { useFormatWords } from "../../_components/format-words";

/** Each version that served (or is set to serve) in the window, side by side. */
export function VersionsTable({ model, versions }: { model: string; versions: DeploymentMetrics["versions"] }) {
  const t = useTranslations("deployments.versions");
  const tRole = useTranslations("deployments.role");
  const words = useFormatWords();
  const { locale } = words;
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("version")}</Th>
        <Th>{t("role")}</Th>
        <Th isNumeric>{t("requests")}</Th>
        <Th isNumeric>{t("errors")}</Th>
        <Th isNumeric>{t("errorRate")}</Th>
        <Th isNumeric>p50</Th>
        <Th isNumeric>p95</Th>
        <Th isNumeric>p99</Th>
        <Th>{t("accuracy")}</Th>
      </THead>
      <TBody>
        {versions.length === 0 && <EmptyRow colSpan={9}>{t("empty")}</EmptyRow>}
        {versions.map((v) => (
          <Tr key={v.versionId} testId="version-figures">
            <Td isMono>
              <Link href={versionHref(model, v.version)} className="text-sky-300 hover:underline">
                {versionTag(v.version)}
              </Link>
            </Td>
            <Td>{tRole(v.role)}</Td>
            <Td isNumeric>{formatCount(v.requests, locale)}</Td>
            <Td isNumeric>{formatCount(v.errors, locale)}</Td>
            {[
              errorRateReading(v.errorRate, words),
              ...[v.latencyMs.p50, v.latencyMs.p95, v.latencyMs.p99].map((ms) => latencyReading(ms, words)),
            ].map((r, i) => (
              <Td key={i} isNumeric isMuted={!r.isKnown} className={r.isKnown ? "" : "text-[11px]"}>
                {r.isKnown ? r.text : "—"}
              </Td>
            ))}
            <Td className="text-[12px]" isMuted={v.accuracy.accuracy === null}>
              {accuracyReading(v.accuracy, v.requests, words).text}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
