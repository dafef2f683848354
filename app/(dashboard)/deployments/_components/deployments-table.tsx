import Link from "next/link";
import { useTranslations } from "next-intl";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DeploymentSummary } from "@/lib/deployments/summaries";
import { DeploymentStatusBadge, DriftBadge } from "./deployment-badges";
import {
  accuracyReading,
  errorRateReading,
  formatCount,
  latencyReading,
  trafficSplit,
  versionTag,
  type Reading,
} from "./deployment-format";
import { deploymentHref } from "./deployment-links";
import { useFormatWords } from "./format-words";

function Figure({ reading, testId }: { reading: Reading; testId: string }) {
  return (
    <span
      data-testid={testId}
      className={reading.isKnown ? "" : "text-[12px] text-slate-500"}
      data-stored-text={reading.isStored || undefined}
    >
      {reading.text}
    </span>
  );
}

function Versions({ d }: { d: DeploymentSummary["deployment"] }) {
  const t = useTranslations("deployments.table");
  const link = (v: number) => (
    <Link href={versionHref(d.model, v)} className="font-mono text-sky-300 hover:underline">
      {versionTag(v)}
    </Link>
  );
  return (
    <span className="whitespace-nowrap">
      <Link href={modelHref(d.model)} className="font-mono text-slate-100 hover:underline">
        {d.model}
      </Link>{" "}
      {link(d.stable.version)}
      {d.canary && (
        <>
          {" "}
          · {t("canary")} {link(d.canary.version)}
        </>
      )}
    </span>
  );
}

/** Every deployment with what it serves and its headline figures over the window. */
export function DeploymentsTable({ summaries, emptyText }: { summaries: DeploymentSummary[]; emptyText: string }) {
  const t = useTranslations("deployments.table");
  const words = useFormatWords();
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("name")}</Th>
        <Th>{t("status")}</Th>
        <Th>{t("versions")}</Th>
        <Th>{t("follows")}</Th>
        <Th>{t("split")}</Th>
        <Th isNumeric>{t("p95")}</Th>
        <Th isNumeric>{t("errorRate")}</Th>
        <Th>{t("drift")}</Th>
        <Th>{t("accuracy")}</Th>
        <Th isNumeric>{t("requests")}</Th>
      </THead>
      <TBody>
        {summaries.length === 0 && <EmptyRow colSpan={10}>{emptyText}</EmptyRow>}
        {summaries.map(({ deployment: d, figures: f }) => (
          <Tr key={d.name} testId="deployment-row">
            <Td isMono>
              <Link href={deploymentHref(d.name)} className="text-sky-300 hover:underline">
                {d.name}
              </Link>
            </Td>
            <Td>
              <DeploymentStatusBadge status={d.status} />
            </Td>
            <Td>
              <Versions d={d} />
            </Td>
            <Td isMono isMuted>
              {d.alias ?? t("pinned")}
            </Td>
            <Td className="whitespace-nowrap text-[12px]">{trafficSplit(d, words)}</Td>
            <Td isNumeric>
              <Figure reading={latencyReading(f.latencyMs.p95, words)} testId="deployment-p95" />
            </Td>
            <Td isNumeric>
              <Figure reading={errorRateReading(f.errorRate, words)} testId="deployment-error-rate" />
            </Td>
            <Td>
              <DriftBadge drift={f.drift} isCompact />
            </Td>
            <Td>
              <Figure reading={accuracyReading(f.accuracy, f.requests, words)} testId="deployment-accuracy" />
            </Td>
            <Td isNumeric>
              <span data-testid="deployment-requests">{formatCount(f.requests, words.locale)}</span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
