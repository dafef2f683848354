import type { Metadata } from "next";
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
export const metadata: Metadata = { title: "Alerts" };

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

  return (
    <>
      <PageHeader
        eyebrow="Infrastructure"
        title="Alerts"
        description="Rules the worker evaluates every few seconds over telemetry, energy, jobs and deployments. An alert is pending until its check has held for the rule's “for”, then firing; it resolves once the check stops holding (after “keep firing”). Silences and inhibitions mute notifications, never the evaluation."
      />

      {endedWhileFiring.length > 0 && (
        <Card title="Silences that ended while their alerts still fire" className="mb-4">
          <ul className="space-y-1 text-sm text-amber-200" data-testid="silence-ended-notice">
            {endedWhileFiring.map((s) => (
              <li key={s.id}>
                “{s.comment}” ({formatMatchers(s.matchers)}) by {s.createdBy} ended <UtcTime iso={s.endsAt} />;{" "}
                {s.firingAtEnd.length} alert{s.firingAtEnd.length === 1 ? " was" : "s were"} still firing.
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card
        title={`Firing (${firing.items.length})`}
        description={
          firing.items.length ? `${loud} notifying, ${firing.items.length - loud} muted` : "Nothing is firing."
        }
        isFlush
        className="mb-4"
      >
        <AlertTable alerts={firing.items} mayWrite={mayWrite} empty="No alert is firing." testId="firing-alert" />
      </Card>

      <Card
        title={`Pending (${pending.items.length})`}
        description="Holding, but not yet for the rule's “for”."
        isFlush
        className="mb-4"
      >
        <AlertTable alerts={pending.items} mayWrite={false} empty="No alert is pending." testId="pending-alert" />
      </Card>

      <SilencesCard silences={current} mayWrite={mayWrite} />

      <RulesCard rules={rules.items} mayWrite={mayWrite} />

      <ReceiversCard receivers={receivers.items} mayReceive={mayReceive} />

      <Card title="Recently resolved" isFlush>
        <AlertTable alerts={resolved.items} mayWrite={false} empty="Nothing resolved yet." testId="resolved-alert" />
      </Card>
    </>
  );
}
