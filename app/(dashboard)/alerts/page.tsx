import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { UtcTime } from "@/components/ui/utc-time";
import { listAlerts } from "@/lib/alerts/alerts";
import { formatMatchers } from "@/lib/alerts/labels";
import { listReceivers } from "@/lib/alerts/notify/receivers";
import { listAlertRules } from "@/lib/alerts/rules";
import { listSilences } from "@/lib/alerts/silences";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { AlertTable } from "./_components/alert-table";
import { ReceiversCard } from "./_components/receivers-card";
import { RulesCard } from "./_components/rules-card";
import { SilencesCard } from "./_components/silences-card";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("title") };
}

export default async function AlertsPage() {
  const { principal, allowed: mayWrite } = await pagePrincipalWith("alerts.write");
  const mayReceive = can(principal.role, "alerts.receivers");
  const now = new Date();
  const [firing, pending, resolved, active, expired, rules, receivers] = await Promise.all([
    listAlerts({ state: "firing", limit: 500 }, now),
    listAlerts({ state: "pending", limit: 200 }, now),
    listAlerts({ state: "resolved", limit: 15 }, now),
    listSilences({ limit: 100 }, now),
    listSilences({ state: "expired", limit: 10 }, now),
    listAlertRules(),
    listReceivers({ revealUrls: mayReceive }),
  ]);
  const current = active.items.filter((s) => s.state !== "expired");
  const endedWhileFiring = expired.items.filter((s) => s.firingAtEnd.length > 0);
  const loud = firing.items.filter((a) => !a.status.muted).length;
  const t = await getTranslations("alerts");

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />

      {endedWhileFiring.length > 0 && (
        <Card title={t("endedTitle")} className="mb-4">
          <ul className="space-y-1 text-sm text-amber-200" data-testid="silence-ended-notice">
            {endedWhileFiring.map((s) => (
              <li key={s.id}>
                {t.rich("ended", {
                  comment: s.comment,
                  matchers: formatMatchers(s.matchers),
                  by: s.createdBy,
                  at: s.endsAt,
                  count: s.firingAtEnd.length,
                  stored: (chunks) => <span data-stored-text>{chunks}</span>,
                  time: () => <UtcTime iso={s.endsAt} />,
                })}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card
        title={t("firingTitle", { count: firing.items.length })}
        description={
          firing.items.length ? t("firingDescription", { loud, muted: firing.items.length - loud }) : t("nothingFiring")
        }
        isFlush
        className="mb-4"
      >
        <AlertTable alerts={firing.items} mayWrite={mayWrite} empty={t("noFiring")} testId="firing-alert" />
      </Card>

      <Card
        title={t("pendingTitle", { count: pending.items.length })}
        description={t("pendingDescription")}
        isFlush
        className="mb-4"
      >
        <AlertTable alerts={pending.items} mayWrite={false} empty={t("noPending")} testId="pending-alert" />
      </Card>

      <SilencesCard silences={current} mayWrite={mayWrite} />

      <RulesCard rules={rules.items} mayWrite={mayWrite} />

      <ReceiversCard receivers={receivers.items} mayReceive={mayReceive} />

      <Card title={t("resolvedTitle")} isFlush>
        <AlertTable alerts={resolved.items} mayWrite={false} empty={t("noResolved")} testId="resolved-alert" />
      </Card>
    </>
  );
}
