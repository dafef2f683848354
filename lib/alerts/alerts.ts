import { readCodedText } from "../i18n/coded-text";
import { z } from "zod";
import { db, type Prisma } from "../db";
import { decodeCursor, toPage, type Page } from "../pagination";
import { groupAlerts } from "./grouping";
import { inhibitions, type Inhibition } from "./inhibition";
import { matchesAll, type Labels } from "./labels";
import { activeSilences } from "./silences";
import type { AlertsQuery } from "./schemas";
import type { AlertOut } from "./outputs";
import type { AlertInstance } from "../generated/prisma/client";

/** What mutes alerts now: active silences and the inhibitions firing alerts cause. */
export async function mutesNow(now = new Date()) {
  const [silences, firing] = await Promise.all([
    activeSilences(now),
    db.alertInstance.findMany({ where: { state: "firing" }, select: { fingerprint: true, labels: true, state: true } }),
  ]);
  const inhibited = inhibitions(firing.map((a) => ({ ...a, labels: a.labels as Labels })));
  return {
    statusOf(a: { fingerprint: string; labels: Labels; state: string }): AlertOut["status"] {
      const silencedBy =
        a.state === "resolved" ? [] : silences.filter((s) => matchesAll(s.matchers, a.labels)).map((s) => s.id);
      const inh: Inhibition | undefined = a.state === "resolved" ? undefined : inhibited.get(a.fingerprint);
      return {
        silencedBy,
        inhibitedBy: inh ? { fingerprint: inh.by, why: inh.why } : null,
        muted: silencedBy.length > 0 || !!inh,
      };
    },
  };
}

type Row = AlertInstance & { rule: { name: string } };

export function toAlertOut(a: Row, status: AlertOut["status"]): AlertOut {
  const annotations = a.annotations as { summary?: string; link?: string; summaryCode?: unknown };
  return {
    id: a.id,
    fingerprint: a.fingerprint,
    rule: a.rule.name,
    labels: a.labels as Record<string, string>,
    annotations: { summary: annotations.summary ?? "", link: annotations.link ?? "" },
    summaryCode: readCodedText(annotations.summaryCode),
    state: a.state,
    value: a.value,
    activeAt: a.activeAt.toISOString(),
    firedAt: a.firedAt?.toISOString() ?? null,
    lastActiveAt: a.lastActiveAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    status,
  };
}

const Key = z.object({ at: z.string(), id: z.string() });

/** Alerts, newest first; firing and pending ones say whether a silence or another alert mutes them. */
export async function listAlerts(q: AlertsQuery, now = new Date()): Promise<Page<AlertOut>> {
  const after = q.cursor ? decodeCursor(q.cursor, Key) : null;
  const where: Prisma.AlertInstanceWhereInput = {
    ...(q.state ? { state: q.state } : {}),
    ...(q.rule ? { rule: { name: q.rule } } : {}),
    ...(after
      ? {
          OR: [{ activeAt: { lt: new Date(after.at) } }, { activeAt: new Date(after.at), id: { lt: after.id } }],
        }
      : {}),
  };
  const [rows, mutes] = await Promise.all([
    db.alertInstance.findMany({
      where,
      include: { rule: { select: { name: true } } },
      orderBy: [{ activeAt: "desc" }, { id: "desc" }],
      // Muted ones are filtered after reading: read more so a page is rarely short.
      take: (q.muted === "false" ? 4 : 1) * q.limit + 1,
    }),
    mutesNow(now),
  ]);
  const items = rows
    .map((r) => ({ row: r, status: mutes.statusOf({ ...r, labels: r.labels as Labels }) }))
    .filter((x) => q.muted !== "false" || !x.status.muted);
  return toPage(
    items,
    q.limit,
    (x) => ({ at: x.row.activeAt.toISOString(), id: x.row.id }),
    (x) => toAlertOut(x.row, x.status),
  );
}

/** Unresolved alerts grouped by label values (Alertmanager's groups), muted ones included and marked. */
export async function listAlertGroups(by: string[], now = new Date()) {
  const [rows, mutes] = await Promise.all([
    db.alertInstance.findMany({
      where: { state: { not: "resolved" } },
      include: { rule: { select: { name: true } } },
      orderBy: [{ activeAt: "desc" }, { id: "desc" }],
      take: 10_000,
    }),
    mutesNow(now),
  ]);
  const alerts = rows.map((r) => toAlertOut(r, mutes.statusOf({ ...r, labels: r.labels as Labels })));
  return { items: groupAlerts(alerts, by) };
}

/** Counts for the top bar: firing alerts not muted, by severity. */
export async function firingSummary(now = new Date()) {
  const page = await listAlerts({ state: "firing", muted: "false", limit: 1000 }, now);
  const bySeverity: Record<string, number> = {};
  for (const a of page.items)
    bySeverity[a.labels.severity ?? "none"] = (bySeverity[a.labels.severity ?? "none"] ?? 0) + 1;
  const rank = (a: AlertOut) => ({ critical: 0, warning: 1, info: 2 })[a.labels.severity ?? ""] ?? 3;
  const top = [...page.items].sort((a, b) => rank(a) - rank(b)).slice(0, 5);
  return { firing: page.items.length, bySeverity, top };
}
