import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatShare } from "@/components/ui/model-figures";
import { datasetRefHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { ModelVersionOut } from "@/lib/models/outputs";

/** Evaluation jobs run on this version, newest first: every row of the dataset named. */
export function EvaluationsTable({ evaluations }: { evaluations: ModelVersionOut["evaluations"] }) {
  const t = useTranslations("models.version.evaluations");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("table")}>
      <THead>
        <Th>{t("col.job")}</Th>
        <Th>{t("col.dataset")}</Th>
        <Th>{t("col.finished")}</Th>
        <Th isNumeric>{t("col.accuracy")}</Th>
        <Th isNumeric>{t("col.f1")}</Th>
        <Th isNumeric>{t("col.rows")}</Th>
        <Th>{t("col.verdict")}</Th>
      </THead>
      <TBody>
        {evaluations.length === 0 && (
          <EmptyRow colSpan={7}>
            {t.rich("empty", {
              request: 'POST /api/v1/jobs {"type": "evaluate", "model": {"name", "version"}, "dataset"}',
              // An API request: code, the same in every language.
              mono: (chunks) => (
                <span className="font-mono" data-stored-text>
                  {chunks}
                </span>
              ),
            })}
          </EmptyRow>
        )}
        {evaluations.map((e) => {
          const href = datasetRefHref(e.dataset);
          return (
            <Tr key={e.jobId} testId="evaluation-row">
              <Td isMono>
                <Link href={`/jobs/${e.jobId}`} className="text-sky-300 hover:underline">
                  {e.jobId.slice(0, 8)}
                </Link>
              </Td>
              <Td isMono>
                {href ? (
                  <Link href={href} className="text-sky-300 hover:underline">
                    {e.dataset}
                  </Link>
                ) : (
                  e.dataset
                )}
              </Td>
              <Td isMuted>
                <UtcTime iso={e.finishedAt} />
              </Td>
              <Td isNumeric isMono>
                {formatShare(e.accuracy, locale)}
              </Td>
              <Td isNumeric isMono>
                {formatShare(e.f1, locale)}
              </Td>
              <Td isNumeric isMuted>
                {e.samples === null ? "—" : formatNumber(e.samples, locale)}
              </Td>
              <Td>
                <VerdictBadge verdict={e.verdict} status="succeeded" />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
