import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { getReceiver, listDeliveries } from "@/lib/alerts/notify/receivers";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import { formatMs } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import { orNotFound } from "../../../_components/expected-errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts.receiver"))("metaTitle") };
}

const statusTone = { delivered: "good", failed: "bad", pending: "warn", delivering: "info" } as const;

/** Stored or remote prose (an HTTP client's error): shown as it came, skipped by the language scan. */
const stored = (chunks: React.ReactNode) => <span data-stored-text>{chunks}</span>;

/** A receiver's delivery log: each notification and every attempt at it. */
export default async function ReceiverPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const { allowed: mayReceive } = await pagePrincipalWith("alerts.receivers");
  const receiver = await orNotFound(getReceiver(name, { revealUrls: mayReceive }));
  const log = await listDeliveries(name, { limit: 100 });
  const [t, states, locale] = await Promise.all([
    getTranslations("alerts.receiver"),
    getTranslations("alerts.state"),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title", { name: receiver.name })}
        description={t.rich("description", {
          url: receiver.url,
          attempts: receiver.maxAttempts,
          timeout: formatMs(receiver.timeoutMs, locale),
          link: (chunks) => (
            <Link href="/alerts" className="underline">
              {chunks}
            </Link>
          ),
        })}
      />
      <Card title={t("logTitle")} description={t("logDescription")} isFlush>
        <Table label={t("table")}>
          <THead>
            <Th>{t("queued")}</Th>
            <Th>{t("group")}</Th>
            <Th>{t("news")}</Th>
            <Th>{t("state")}</Th>
            <Th>{t("attempts")}</Th>
          </THead>
          <TBody>
            {log.items.length === 0 && <EmptyRow colSpan={5}>{t("empty")}</EmptyRow>}
            {log.items.map((n) => (
              <Tr key={n.id} testId="delivery-row">
                <Td isMuted>
                  <UtcTime iso={n.createdAt} />
                </Td>
                <Td isMono isMuted>
                  {n.groupKey}
                  {n.fallbackOf && <span className="ml-2 text-xs">{t("fallbackFor")}</span>}
                </Td>
                <Td>{t("newsText", { count: n.alerts, payload: states(n.payloadStatus) })}</Td>
                <Td>
                  <Badge tone={statusTone[n.status]} hasDot>
                    {t(`status.${n.status}`)}
                  </Badge>
                  {n.lastError && (
                    <p className="text-xs text-rose-300" data-stored-text>
                      {n.lastError}
                    </p>
                  )}
                  {n.nextAttemptAt && (
                    <p className="text-xs text-slate-400">
                      {t.rich("nextAttempt", {
                        at: n.nextAttemptAt,
                        time: () => <UtcTime iso={n.nextAttemptAt} />,
                      })}
                    </p>
                  )}
                </Td>
                <Td isMuted>
                  <ol className="space-y-0.5 text-xs">
                    {n.deliveries.map((d) => {
                      const common = {
                        attempt: d.attempt,
                        at: d.at,
                        took: formatMs(d.durationMs, locale),
                        time: () => <UtcTime iso={d.at} />,
                      };
                      return (
                        <li key={d.attempt}>
                          {d.ok
                            ? t.rich("attemptOk", { ...common, status: d.httpStatus ?? "" })
                            : t.rich("attemptFailed", { ...common, error: d.error ?? "", stored })}
                        </li>
                      );
                    })}
                  </ol>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </>
  );
}
