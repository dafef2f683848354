import { useTranslations } from "next-intl";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { GateEvidenceOut } from "@/lib/deployments/outputs";
import {
  errorRateReading,
  formatCount,
  formatShare,
  latencyReading,
  type FormatWords,
} from "../../_components/deployment-format";
import { useFormatWords } from "../../_components/format-words";
import type { Translate } from "@/lib/i18n/translate";
import { formatNumber } from "@/lib/format";

type Side = GateEvidenceOut["stable"];

/** `t` is deployments.gates. */
const accuracyOf = (s: Side, t: Translate, { locale }: FormatWords) =>
  s.accuracy === null
    ? t("accuracyUnknown", { count: formatCount(s.labelled, locale) })
    : t("accuracyKnown", { share: formatShare(s.accuracy, locale), count: formatCount(s.labelled, locale) });

/**
 * Both sides' figures over the gates' window beside the limit each gate
 * holds the canary to: what a judgement rested on, or what the gates read now.
 */
export function GateEvidenceTable({ evidence, label }: { evidence: GateEvidenceOut; label: string }) {
  const t = useTranslations("deployments.gates");
  const words = useFormatWords();
  const { locale } = words;
  const { stable, canary, limits } = evidence;
  const rows = [
    {
      key: "requests",
      gate: t("requests"),
      stable: formatCount(stable.requests, locale),
      canary: formatCount(canary.requests, locale),
      limit: t("requestsLimit", { count: formatCount(limits.minRequests, locale) }),
    },
    {
      key: "errorRate",
      gate: t("errorRate"),
      stable: errorRateReading(stable.errorRate, words).text,
      canary: errorRateReading(canary.errorRate, words).text,
      limit: t("errorLimit", { share: formatShare(limits.maxErrorRateIncrease, locale) }),
    },
    {
      key: "p95",
      gate: t("p95"),
      stable: latencyReading(stable.p95Ms, words).text,
      canary: latencyReading(canary.p95Ms, words).text,
      limit: t("p95Limit", { ratio: formatNumber(limits.maxP95Ratio, locale, 3) }),
    },
    {
      key: "accuracy",
      gate: t("accuracy"),
      stable: accuracyOf(stable, t, words),
      canary: accuracyOf(canary, t, words),
      limit: t("accuracyLimit", {
        share: formatShare(limits.maxAccuracyDrop, locale),
        count: formatCount(limits.minLabels, locale),
      }),
    },
  ];
  return (
    <Table label={label}>
      <THead>
        <Th>{t("gate")}</Th>
        <Th>{t("stable", { version: stable.version })}</Th>
        <Th>{t("canary", { version: canary.version })}</Th>
        <Th>{t("limit")}</Th>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.key} testId="gate-row">
            <Td>{r.gate}</Td>
            <Td className="text-[12px]">{r.stable}</Td>
            <Td className="text-[12px]">{r.canary}</Td>
            <Td isMuted className="text-[12px]">
              {r.limit}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
