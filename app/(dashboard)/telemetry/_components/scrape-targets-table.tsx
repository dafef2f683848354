import { useLocale, useTranslations } from "next-intl";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatInterval } from "@/components/ui/readings";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatMs, formatSpan } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { TargetOut } from "@/lib/telemetry/schemas";
import { TargetActions } from "./target-actions";

/**
 * A scrape due this long ago and not run means no worker is scraping: the last
 * success says nothing about now, so the target is not shown "up".
 */
function isOverdue(target: TargetOut, nowMs: number): boolean {
  return nowMs - Date.parse(target.nextScrapeAt) > Math.max(60, 2 * target.intervalSeconds) * 1000;
}

function TargetState({ target, nowMs }: { target: TargetOut; nowMs: number }) {
  const t = useTranslations("telemetry.targetState");
  if (!target.enabled) return <Badge>{t("disabled")}</Badge>;
  if (isOverdue(target, nowMs)) {
    return (
      <span title={t("overdueTitle", { command: "npm run worker" })}>
        <Badge tone="warn" hasDot>
          {t("overdue")}
        </Badge>
      </span>
    );
  }
  if (target.consecutiveFailures > 0)
    return (
      <Badge tone="bad" hasDot>
        {t("failing")}
      </Badge>
    );
  if (!target.lastScrapeAt) return <Badge tone="info">{t("waiting")}</Badge>;
  if (target.lastSamples === 0) {
    return (
      <span title={t("noMatchTitle")}>
        <Badge tone="warn" hasDot>
          {t("noMatch")}
        </Badge>
      </span>
    );
  }
  return (
    <Badge tone="good" hasDot>
      {t("up")}
    </Badge>
  );
}

const dash = <span className="text-slate-600">—</span>;

/** Registered dcgm-exporter endpoints and how their last scrapes went; operators get enable/disable/delete. */
export function ScrapeTargetsTable({
  targets,
  canWrite,
  nowMs,
}: {
  targets: TargetOut[];
  canWrite: boolean;
  nowMs: number;
}) {
  const t = useTranslations("telemetry.targets");
  const locale = asLocale(useLocale());
  const columns = canWrite ? 10 : 9;
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("url")}</Th>
        <Th>{t("state")}</Th>
        <Th isNumeric>{t("interval")}</Th>
        <Th>{t("lastScrape")}</Th>
        <Th>{t("lastSuccess")}</Th>
        <Th>{t("lastError")}</Th>
        <Th isNumeric>{t("samples")}</Th>
        <Th isNumeric>{t("duration")}</Th>
        <Th isNumeric>{t("failures")}</Th>
        {canWrite && (
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        )}
      </THead>
      <TBody>
        {targets.length === 0 && (
          <EmptyRow colSpan={columns}>
            {t("empty")} {canWrite ? t("emptyWrite") : t("emptyRead")}
          </EmptyRow>
        )}
        {targets.map((target) => (
          <Tr key={target.id} testId="target-row">
            {/* Wrapped, not truncated: what tells targets apart (a hostname) is often in the middle of the URL. */}
            <Td className="min-w-56 break-all font-mono text-[12px]">{target.url}</Td>
            <Td>
              <TargetState target={target} nowMs={nowMs} />
            </Td>
            <Td isNumeric isMono>
              {formatInterval(target.intervalSeconds, locale)}
            </Td>
            <Td isMuted>
              <Age iso={target.lastScrapeAt} nowMs={nowMs} fallback={t("never")} />
              {target.enabled && (
                <span className="block text-[11px] text-slate-500">
                  {t.rich("next", { when: () => <NextScrape iso={target.nextScrapeAt} nowMs={nowMs} /> })}
                </span>
              )}
            </Td>
            <Td isMuted>
              <Age iso={target.lastSuccessAt} nowMs={nowMs} fallback={t("never")} />
            </Td>
            <Td className="min-w-36 max-w-64">
              {target.lastError ? (
                <span
                  className="line-clamp-2 text-[12px] text-rose-300"
                  title={target.lastError}
                  data-testid="target-error"
                >
                  {target.lastError}
                </span>
              ) : (
                dash
              )}
            </Td>
            <Td isNumeric isMono>
              {target.lastSamples === null ? dash : formatCount(target.lastSamples, locale)}
            </Td>
            <Td isNumeric isMono>
              {target.lastDurationMs === null ? dash : formatMs(target.lastDurationMs, locale)}
            </Td>
            <Td isNumeric isMono className={target.consecutiveFailures > 0 ? "text-rose-300" : ""}>
              {target.consecutiveFailures}
            </Td>
            {canWrite && (
              <Td className="text-right">
                <TargetActions id={target.id} url={target.url} isEnabled={target.enabled} />
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function NextScrape({ iso, nowMs }: { iso: string; nowMs: number }) {
  const t = useTranslations("telemetry.targets");
  const locale = asLocale(useLocale());
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1000);
  // Whole seconds up to two minutes (a 30 s interval is worth counting down), minutes beyond.
  const span = seconds < 120 ? formatInterval(seconds, locale) : formatSpan(seconds, locale);
  const text = seconds <= 0 ? t("nextNow") : t("nextIn", { span });
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
