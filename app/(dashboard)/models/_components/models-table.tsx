import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { AliasBadge } from "@/components/ui/alias-badges";
import { formatShare, splitPhrase, versionTag } from "@/components/ui/model-figures";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { RunEnergy } from "@/components/ui/run-energy";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { ModelSummaryOut } from "@/lib/models/outputs";

/** Accuracy and F1 of a version with the rows they are on, or why there are none. */
export function MetricsCell({
  accuracy,
  f1,
  split,
}: {
  accuracy: number | null;
  f1: number | null;
  split: string | null;
}) {
  const t = useTranslations("models");
  const locale = asLocale(useLocale());
  if (accuracy === null || f1 === null) return <span className="text-slate-500">{t("notEvaluated")}</span>;
  return (
    <span className="block">
      <span className="whitespace-nowrap font-mono tabular-nums">
        {formatShare(accuracy, locale)} / {formatShare(f1, locale)}
      </span>
      <span className="block text-[11px] text-slate-500">{t("onRows", { rows: splitPhrase(split, t) })}</span>
    </span>
  );
}

function EmptyModels({ query }: { query: string | undefined }) {
  const t = useTranslations("models.list");
  if (query) return <>{t("noMatch", { query })}</>;
  return (
    <span data-testid="models-empty">
      {t.rich("empty", {
        endpoint: "POST /api/v1/models/{name}/versions",
        tfjs: "TF.js",
        // An API request: code, the same in every language.
        code: (chunks) => (
          <span className="font-mono text-slate-300" data-stored-text>
            {chunks}
          </span>
        ),
        link: (chunks) => (
          <Link href="/jobs" className="text-sky-300 hover:underline">
            {chunks}
          </Link>
        ),
      })}
    </span>
  );
}

/** Registered models, each with its newest version's figures and where its aliases point. */
export function ModelsTable({ models, query }: { models: ModelSummaryOut[]; query?: string }) {
  const t = useTranslations("models");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("list.table")}>
      <THead>
        <Th>{t("list.col.model")}</Th>
        <Th>{t("list.col.latest")}</Th>
        <Th>{t("list.col.aliases")}</Th>
        <Th>{t("list.col.verdict")}</Th>
        <Th>{t("list.col.metrics")}</Th>
        <Th>{t("list.col.energy")}</Th>
        <Th isNumeric>{t("list.col.versions")}</Th>
      </THead>
      <TBody>
        {models.length === 0 && (
          <EmptyRow colSpan={7}>
            <EmptyModels query={query} />
          </EmptyRow>
        )}
        {models.map((m) => (
          <Tr key={m.name} testId="model-row">
            <Td>
              <Link href={modelHref(m.name)} className="font-mono text-[13px] text-sky-300 hover:underline">
                {m.name}
              </Link>
              {m.description && (
                <span
                  className="block max-w-72 truncate text-[11px] text-slate-500"
                  title={m.description}
                  data-stored-text
                >
                  {m.description}
                </span>
              )}
            </Td>
            <Td>
              {m.latest ? (
                <>
                  <Link href={versionHref(m.name, m.latest.version)} className="font-mono text-sky-300 hover:underline">
                    {versionTag(m.latest.version)}
                  </Link>
                  <span className="block text-[11px] text-slate-500">
                    <UtcTime iso={m.latest.createdAt} />
                  </span>
                </>
              ) : (
                <span className="text-slate-500">{t("list.everyArchived")}</span>
              )}
            </Td>
            <Td>
              {m.aliases.length === 0 ? (
                <span className="text-slate-500">{t("none")}</span>
              ) : (
                <ul className="space-y-0.5">
                  {m.aliases.map((a) => (
                    <li key={a.alias} className="flex items-center gap-1.5 whitespace-nowrap">
                      <AliasBadge alias={a} />
                      <span className="font-mono text-[12px] text-slate-400">→ {versionTag(a.version)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td>{m.latest ? <VerdictBadge verdict={m.latest.verdict} status="succeeded" /> : null}</Td>
            <Td>{m.latest ? <MetricsCell {...m.latest} /> : null}</Td>
            <Td>
              {m.latest ? (
                <RunEnergy
                  isCompact
                  energy={{
                    kwh: m.latest.energyKwh,
                    co2eKg: m.latest.co2eKg,
                    cost: m.latest.cost,
                    currency: m.latest.currency,
                    note: m.latest.energyNote,
                  }}
                />
              ) : null}
            </Td>
            <Td isNumeric>{formatNumber(m.versions, locale)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
