import Link from "next/link";
import { localeNames } from "@/lib/i18n/locales";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import type { ReceiverOut } from "@/lib/alerts/outputs";
import { formatMs } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import { durationWords } from "./alert-words";
import { ReceiverForm } from "./receiver-form";

/** Where notifications go, how they are grouped and retried; admins add receivers. */
export function ReceiversCard({ receivers, mayReceive }: { receivers: ReceiverOut[]; mayReceive: boolean }) {
  const t = useTranslations("alerts.receivers");
  const locale = asLocale(useLocale());
  const duration = (seconds: number) => durationWords(seconds, locale);
  return (
    <Card title={t("title")} description={t("description")} isFlush className="mb-4">
      <Table label={t("table")}>
        <THead>
          <Th>{t("name")}</Th>
          <Th>{t("url")}</Th>
          <Th>{t("grouping")}</Th>
          <Th>{t("retries")}</Th>
          <Th>{t("state")}</Th>
        </THead>
        <TBody>
          {receivers.length === 0 && <EmptyRow colSpan={5}>{mayReceive ? t("emptyAdd") : t("emptyAsk")}</EmptyRow>}
          {receivers.map((r) => (
            <Tr key={r.name} testId="receiver-row">
              <Td isMono>
                <Link className="text-emerald-300 hover:underline" href={`/alerts/receivers/${r.name}`}>
                  {r.name}
                </Link>
                {r.isFallback && (
                  <span className="ml-2">
                    <Badge tone="accent">{t("fallback")}</Badge>
                  </span>
                )}
                <span className="ml-2" title={t("locale")}>
                  <Badge tone="neutral">{localeNames[r.locale]}</Badge>
                </span>
              </Td>
              <Td isMono isMuted>
                {r.url}
              </Td>
              <Td isMuted>
                {t("groupingText", {
                  labels: r.groupBy.join(", ") || t("nothing"),
                  wait: duration(r.groupWaitSeconds),
                  interval: duration(r.groupIntervalSeconds),
                  repeat: duration(r.repeatIntervalSeconds),
                })}
              </Td>
              <Td isMuted>{t("retriesText", { attempts: r.maxAttempts, timeout: formatMs(r.timeoutMs, locale) })}</Td>
              <Td>{r.enabled ? <Badge tone="good">{t("enabled")}</Badge> : <Badge>{t("disabled")}</Badge>}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {mayReceive && (
        <div className="border-t border-slate-800 p-4">
          <ReceiverForm />
        </div>
      )}
    </Card>
  );
}
