import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { listAlerts } from "@/lib/alerts/alerts";
import { formatMatchers } from "@/lib/alerts/labels";
import { listReceivers } from "@/lib/alerts/notify/receivers";
import { listAlertRules } from "@/lib/alerts/rules";
import { listSilences } from "@/lib/alerts/silences";
import type { AlertOut } from "@/lib/alerts/outputs";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { durationWords, mutedWords, severityTone, stateTone, whereLabels } from "./_components/alert-words";
import { ExpireSilenceButton } from "./_components/expire-silence-button";
import { ReceiverForm } from "./_components/receiver-form";
import { RuleEditor } from "./_components/rule-editor";
import { SilenceButton } from "./_components/silence-button";

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
    listReceivers(),
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

      <Card title="Silences" isFlush className="mb-4">
        <Table label="Silences">
          <THead>
            <Th>Matchers</Th>
            <Th>Why</Th>
            <Th>By</Th>
            <Th>State</Th>
            <Th>Until</Th>
            {mayWrite && <Th>Action</Th>}
          </THead>
          <TBody>
            {current.length === 0 && (
              <EmptyRow colSpan={mayWrite ? 6 : 5}>
                No silence is active. Silence a firing alert from its row above.
              </EmptyRow>
            )}
            {current.map((s) => (
              <Tr key={s.id} testId="silence-row">
                <Td isMono>{formatMatchers(s.matchers)}</Td>
                <Td>{s.comment}</Td>
                <Td isMuted>{s.createdBy}</Td>
                <Td>
                  <Badge tone={s.state === "active" ? "info" : "neutral"}>{s.state}</Badge>
                </Td>
                <Td isMuted>
                  <UtcTime iso={s.endsAt} />
                </Td>
                {mayWrite && (
                  <Td>
                    <ExpireSilenceButton id={s.id} />
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>

      <Card
        title="Rules"
        description={mayWrite ? "Operators edit rules; every change is in the audit log." : "Operators can edit rules."}
        isFlush
        className="mb-4"
      >
        <Table label="Alert rules">
          <THead>
            <Th>Rule</Th>
            <Th>Check</Th>
            <Th>For / keep</Th>
            <Th>Severity</Th>
            <Th>Now</Th>
            <Th>Last evaluated</Th>
            {mayWrite && <Th>Action</Th>}
          </THead>
          <TBody>
            {rules.items.map((r) => (
              <Tr key={r.name} testId="rule-row">
                <Td isMono>
                  {r.name}
                  {!r.enabled && (
                    <span className="ml-2">
                      <Badge>disabled</Badge>
                    </span>
                  )}
                </Td>
                <Td>
                  <span className="font-mono text-[12px] text-slate-300">{r.kind}</span>{" "}
                  <span className="text-xs text-slate-400">
                    {Object.entries(r.params)
                      .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(",") || "any" : String(v)}`)
                      .join(", ")}
                  </span>
                </Td>
                <Td isMuted>
                  {durationWords(r.forSeconds)} / {durationWords(r.keepFiringForSeconds)}
                </Td>
                <Td>
                  <Badge tone={severityTone[r.severity]}>{r.severity}</Badge>
                </Td>
                <Td isMuted>
                  {r.alerts.firing} firing, {r.alerts.pending} pending
                </Td>
                <Td isMuted>
                  {r.lastError ? (
                    <span className="text-rose-300">could not read its data: {r.lastError}</span>
                  ) : r.lastEvalAt ? (
                    <>
                      <UtcTime iso={r.lastEvalAt} /> ({r.lastEvalMs} ms)
                    </>
                  ) : (
                    "not yet"
                  )}
                </Td>
                {mayWrite && (
                  <Td>
                    <RuleEditor rule={r} />
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>

      <Card
        title="Receivers"
        description="Webhooks that take Alertmanager's payload (version 4), signed with HMAC-SHA256; retried with backoff a bounded number of times, then handed to the fallback receiver."
        isFlush
        className="mb-4"
      >
        <Table label="Receivers">
          <THead>
            <Th>Name</Th>
            <Th>URL</Th>
            <Th>Grouping</Th>
            <Th>Retries</Th>
            <Th>State</Th>
          </THead>
          <TBody>
            {receivers.items.length === 0 && (
              <EmptyRow colSpan={5}>
                No receiver: alerts show here and in the top bar, but nobody is notified.
                {mayReceive ? " Add a webhook below." : " An admin can add a webhook."}
              </EmptyRow>
            )}
            {receivers.items.map((r) => (
              <Tr key={r.name} testId="receiver-row">
                <Td isMono>
                  <Link className="text-emerald-300 hover:underline" href={`/alerts/receivers/${r.name}`}>
                    {r.name}
                  </Link>
                  {r.isFallback && (
                    <span className="ml-2">
                      <Badge tone="accent">fallback</Badge>
                    </span>
                  )}
                </Td>
                <Td isMono isMuted>
                  {r.url}
                </Td>
                <Td isMuted>
                  by {r.groupBy.join(", ") || "nothing"}; wait {durationWords(r.groupWaitSeconds)}, interval{" "}
                  {durationWords(r.groupIntervalSeconds)}, repeat {durationWords(r.repeatIntervalSeconds)}
                </Td>
                <Td isMuted>
                  {r.maxAttempts} attempts, {r.timeoutMs} ms each
                </Td>
                <Td>{r.enabled ? <Badge tone="good">enabled</Badge> : <Badge>disabled</Badge>}</Td>
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

      <Card title="Recently resolved" isFlush>
        <AlertTable alerts={resolved.items} mayWrite={false} empty="Nothing resolved yet." testId="resolved-alert" />
      </Card>
    </>
  );
}

function AlertTable({
  alerts,
  mayWrite,
  empty,
  testId,
}: {
  alerts: AlertOut[];
  mayWrite: boolean;
  empty: string;
  testId: string;
}) {
  return (
    <Table label="Alerts">
      <THead>
        <Th>State</Th>
        <Th>Alert</Th>
        <Th>Where</Th>
        <Th>Since</Th>
        {mayWrite && <Th>Action</Th>}
      </THead>
      <TBody>
        {alerts.length === 0 && <EmptyRow colSpan={mayWrite ? 5 : 4}>{empty}</EmptyRow>}
        {alerts.map((a) => {
          const muted = mutedWords(a.status);
          return (
            <Tr key={a.id} testId={testId}>
              <Td>
                <div className="flex flex-col items-start gap-1">
                  <Badge tone={stateTone[a.state]} hasDot>
                    {a.state}
                  </Badge>
                  <Badge tone={severityTone[a.labels.severity ?? ""] ?? "neutral"}>{a.labels.severity}</Badge>
                </div>
              </Td>
              <Td>
                <p className="font-mono text-[12px] text-slate-300">{a.rule}</p>
                <Link href={a.annotations.link || "/alerts"} className="text-sm text-slate-100 hover:underline">
                  {a.annotations.summary}
                </Link>
                {muted && <p className="text-xs text-slate-400">{muted}</p>}
              </Td>
              <Td isMuted>
                <span className="font-mono text-[11px]">
                  {whereLabels(a.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(" ")}
                </span>
              </Td>
              <Td isMuted>
                <UtcTime iso={a.state === "resolved" ? a.resolvedAt : (a.firedAt ?? a.activeAt)} />
              </Td>
              {mayWrite && (
                <Td>
                  {a.status.silencedBy.length === 0 && (
                    <SilenceButton labels={a.labels} summary={a.annotations.summary} />
                  )}
                </Td>
              )}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
