import { coded, readCodedText, type CodedText } from "../../i18n/coded-text";
import { isLocale, type Locale } from "../../i18n/locales";
import { renderCoded } from "../../i18n/render-coded";
import { createHash } from "node:crypto";
import { db, type Prisma } from "../../db";
import { mutesNow } from "../alerts";
import { groupAlerts } from "../grouping";
import { matchesAll, type Labels } from "../labels";
import { externalUrl } from "./external-url";
import { receiverMatchers } from "./receivers";
import { NOT_ENDED, webhookPayload, type WebhookAlert } from "./payload";
import type { AlertInstance, AlertReceiver, AlertNotifyGroup } from "../../generated/prisma/client";

/**
 * From alerts to notifications, as Alertmanager's dispatcher: each receiver
 * groups the firing alerts it matches (muted ones left out) by its group_by
 * labels; a new group waits group_wait for company, a changed one
 * group_interval, an unchanged firing one is repeated after repeat_interval,
 * and alerts it told of as firing are told of once more when resolved.
 *
 * It runs under the evaluator's lease (one dispatcher across workers), and a
 * notification's idempotency key is its receiver, group, content and the
 * group's previous flush: should two dispatchers ever race, the second insert
 * is a no-op, so no receiver hears the same news twice from Rackmind (alertmanager#4108).
 */

type Alert = AlertInstance & { labels: Labels };

/** The receiver's language; a value this version does not know reads as English. */
const localeOf = (r: AlertReceiver): Locale => (isLocale(r.locale) ? r.locale : "en");

function toWebhookAlert(a: Alert, base: string, locale: Locale, extra: Record<string, string> = {}): WebhookAlert {
  const ann = a.annotations as Record<string, string> & { summaryCode?: unknown };
  const summary = ann.summary ? renderCoded(locale, readCodedText(ann.summaryCode), ann.summary) : "";
  return {
    status: a.state === "resolved" ? "resolved" : "firing",
    labels: a.labels,
    annotations: { ...(summary ? { summary } : {}), ...extra },
    startsAt: (a.firedAt ?? a.activeAt).toISOString(),
    endsAt: a.resolvedAt?.toISOString() ?? NOT_ENDED,
    generatorURL: `${base}${ann.link ?? "/"}`,
    fingerprint: a.fingerprint,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

function isDue(r: AlertReceiver, g: AlertNotifyGroup, firing: string[], now: Date): boolean {
  const since = (d: Date) => now.getTime() - d.getTime();
  if (!g.lastFlushAt) return since(g.firstSeenAt) >= r.groupWaitSeconds * 1000;
  if (!sameSet(firing, g.lastFiring)) return since(g.lastFlushAt) >= r.groupIntervalSeconds * 1000;
  return firing.length > 0 && since(g.lastFlushAt) >= r.repeatIntervalSeconds * 1000;
}

/** Silences that ended while an alert still fired: the alert's notification says so (grafana#50266). */
async function endedSilenceNotes(now: Date): Promise<Map<string, { text: string; coded: CodedText }>> {
  const ended = await db.alertSilence.findMany({
    where: {
      endsAt: { gte: new Date(now.getTime() - 24 * 3_600_000), lte: now },
      NOT: { firingAtEnd: { isEmpty: true } },
    },
  });
  const notes = new Map<string, { text: string; coded: CodedText }>();
  for (const s of ended)
    for (const fp of s.firingAtEnd)
      notes.set(fp, {
        text: `A silence ("${s.comment}", by ${s.createdBy}) ended at ${s.endsAt.toISOString()} while this alert was still firing`,
        coded: coded("alert.silenceEnded", { comment: s.comment, by: s.createdBy, at: s.endsAt.toISOString() }),
      });
  return notes;
}

export async function dispatchNotifications(now = new Date()): Promise<{ queued: number }> {
  const receivers = await db.alertReceiver.findMany({ where: { enabled: true, isFallback: false } });
  if (receivers.length === 0) return { queued: 0 };
  const [rows, mutes, notes] = await Promise.all([
    db.alertInstance.findMany({ where: { state: "firing" } }),
    mutesNow(now),
    endedSilenceNotes(now),
  ]);
  const firing = (rows as Alert[]).filter((a) => !mutes.statusOf(a).muted);
  const base = externalUrl();
  let queued = 0;
  for (const r of receivers) {
    const matchers = receiverMatchers(r.matchers);
    const groups = new Map(
      groupAlerts(
        firing.filter((a) => matchesAll(matchers, a.labels)),
        r.groupBy,
      ).map((g) => [g.key, g]),
    );
    const stored = new Map(
      (await db.alertNotifyGroup.findMany({ where: { receiverId: r.id } })).map((g) => [g.groupKey, g]),
    );
    for (const key of new Set([...groups.keys(), ...stored.keys()])) {
      const group = groups.get(key);
      const fps = (group?.alerts ?? []).map((a) => a.fingerprint).sort();
      const row =
        stored.get(key) ??
        (await db.alertNotifyGroup.upsert({
          where: { receiverId_groupKey: { receiverId: r.id, groupKey: key } },
          create: { receiverId: r.id, groupKey: key, labels: group!.labels, firstSeenAt: now },
          update: {},
        }));
      if (!isDue(r, row, fps, now)) continue;
      // Told of as firing, firing no more: resolved (told once more), or muted since (not told).
      const gone = row.lastFiring.filter((fp) => !fps.includes(fp));
      const resolved = gone.length
        ? ((await db.alertInstance.findMany({
            where: { fingerprint: { in: gone }, state: "resolved" },
            orderBy: { resolvedAt: "desc" },
            distinct: ["fingerprint"],
          })) as Alert[])
        : [];
      const alerts = [
        ...(group?.alerts ?? []).map((a) => {
          const note = notes.get(a.fingerprint);
          return toWebhookAlert(
            a,
            base,
            localeOf(r),
            note ? { silence_ended: renderCoded(localeOf(r), note.coded, note.text) } : {},
          );
        }),
        ...resolved.map((a) => toWebhookAlert(a, base, localeOf(r))),
      ];
      queued += await flush(r, row, fps, alerts, now, base);
    }
  }
  return { queued };
}

async function flush(
  r: AlertReceiver,
  row: AlertNotifyGroup,
  fps: string[],
  alerts: WebhookAlert[],
  now: Date,
  base: string,
): Promise<number> {
  const content = alerts
    .map((a) => `${a.fingerprint}:${a.status}`)
    .sort()
    .join(",");
  const idempotencyKey = createHash("sha256")
    .update([r.id, row.groupKey, content, row.lastFlushAt?.toISOString() ?? "first"].join("\n"))
    .digest("hex");
  const payload = webhookPayload({
    receiver: r.name,
    groupKey: row.groupKey,
    groupLabels: row.labels as Record<string, string>,
    externalURL: base,
    alerts,
  });
  return db.$transaction(async (tx) => {
    const { count } =
      alerts.length === 0
        ? { count: 0 }
        : await tx.alertNotification.createMany({
            data: [
              {
                receiverId: r.id,
                groupKey: row.groupKey,
                idempotencyKey,
                payload: payload as unknown as Prisma.InputJsonValue,
                nextAttemptAt: now,
              },
            ],
            skipDuplicates: true,
          });
    if (fps.length === 0) await tx.alertNotifyGroup.deleteMany({ where: { receiverId: r.id, groupKey: row.groupKey } });
    else
      await tx.alertNotifyGroup.update({
        where: { receiverId_groupKey: { receiverId: r.id, groupKey: row.groupKey } },
        data: { lastFlushAt: now, lastFiring: fps },
      });
    return count;
  });
}
