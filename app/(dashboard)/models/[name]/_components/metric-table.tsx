import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatRunKwh, formatShare, versionTag } from "@/components/ui/model-figures";
import { versionHref } from "@/components/ui/model-links";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { asLocale } from "@/lib/i18n/locales";
import type { VersionMetricPoint } from "@/components/charts/version-metrics-chart";

/** The metric chart's figures as a table: its text alternative, and the place where "not known" is said. */
export function MetricTable({ name, points }: { name: string; points: VersionMetricPoint[] }) {
  const t = useTranslations("models");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("figures.table")}>
      <THead>
        <Th>{t("figures.col.version")}</Th>
        <Th isNumeric>{t("figures.col.accuracy")}</Th>
        <Th isNumeric>{t("figures.col.f1")}</Th>
        <Th>{t("figures.col.on")}</Th>
        <Th isNumeric>{t("figures.col.energy")}</Th>
      </THead>
      <TBody>
        {points.map((p) => (
          <Tr key={p.version} testId="metric-point">
            <Td isMono>
              <Link href={versionHref(name, p.version)} className="text-sky-300 hover:underline">
                {versionTag(p.version)}
              </Link>
              {p.archived && <span className="ml-1 text-slate-500">{t("archivedParen")}</span>}
            </Td>
            <Td isNumeric isMono>
              {p.accuracy === null ? "—" : formatShare(p.accuracy, locale)}
            </Td>
            <Td isNumeric isMono>
              {p.f1 === null ? "—" : formatShare(p.f1, locale)}
            </Td>
            <Td isMuted>{p.accuracy === null ? t("notEvaluated") : p.on}</Td>
            <Td isNumeric isMono>
              {p.energyKwh === null ? (
                <span className="text-slate-500">{t("notKnown")}</span>
              ) : (
                formatRunKwh(p.energyKwh, locale)
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
