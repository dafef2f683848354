import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AliasBadges } from "@/components/ui/alias-badges";
import { Badge } from "@/components/ui/badge";
import { formatShare, splitPhrase, versionTag } from "@/components/ui/model-figures";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { asLocale } from "@/lib/i18n/locales";
import type { DatasetModelsOut } from "@/lib/models/outputs";

const holdsProtected = (v: DatasetModelsOut["versions"][number]) => v.aliases.some((a) => a.isProtected);

/**
 * Reverse lineage, for a data recall: every model version trained on this
 * dataset version, archived ones too, those holding a protected alias (what
 * serves production) first.
 */
export function TrainedModels({ trained }: { trained: DatasetModelsOut }) {
  const t = useTranslations("models");
  const locale = asLocale(useLocale());
  const versions = [...trained.versions].sort((a, b) => Number(holdsProtected(b)) - Number(holdsProtected(a)));
  return (
    <Table label={t("trained.table", { dataset: trained.dataset })}>
      <THead>
        <Th>{t("trained.col.version")}</Th>
        <Th>{t("trained.col.aliases")}</Th>
        <Th>{t("trained.col.verdict")}</Th>
        <Th>{t("trained.col.metrics")}</Th>
        <Th>{t("trained.col.registered")}</Th>
      </THead>
      <TBody>
        {versions.length === 0 && <EmptyRow colSpan={5}>{t("trained.empty", { dataset: trained.dataset })}</EmptyRow>}
        {versions.map((v) => (
          <Tr key={`${v.name}/${v.version}`} testId="trained-model">
            <Td isMono>
              <Link href={modelHref(v.name)} className="text-sky-300 hover:underline">
                {v.name}
              </Link>{" "}
              <Link href={versionHref(v.name, v.version)} className="text-sky-300 hover:underline">
                {versionTag(v.version)}
              </Link>
              {v.archived && (
                <span className="ml-2">
                  <Badge>{t("archived")}</Badge>
                </span>
              )}
            </Td>
            <Td>
              <AliasBadges aliases={v.aliases} empty={<span className="text-slate-500">—</span>} />
            </Td>
            <Td>
              <VerdictBadge verdict={v.verdict} status="succeeded" />
            </Td>
            <Td isMono>
              {v.accuracy === null || v.f1 === null ? (
                <span className="text-slate-500">{t("notEvaluated")}</span>
              ) : (
                <>
                  {formatShare(v.accuracy, locale)} / {formatShare(v.f1, locale)}
                  <span className="ml-1 font-sans text-[11px] text-slate-500">
                    {t("onRows", { rows: splitPhrase(v.split, t) })}
                  </span>
                </>
              )}
            </Td>
            <Td isMuted>
              <UtcTime iso={v.createdAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The card's line: how many versions, and how many a recall must look at first. */
function TrainedModelsSummary({ trained }: { trained: DatasetModelsOut }) {
  const t = useTranslations("models.trained");
  const n = trained.versions.length;
  if (n === 0) return <>{t("summaryNone", { dataset: trained.dataset })}</>;
  const versions = t("summary", { count: n, dataset: trained.dataset });
  return (
    <>
      {trained.protectedCount === 0
        ? t("noneProtected", { versions })
        : t("someProtected", { versions, protected: trained.protectedCount })}
    </>
  );
}

/** The summary as an element, so the dataset page can keep calling it as a function in its JSX. */
export function trainedModelsSummary(trained: DatasetModelsOut): ReactNode {
  return <TrainedModelsSummary trained={trained} />;
}
