import { coded } from "../../i18n/coded-text";
import { renderCoded } from "../../i18n/render-coded";
import { isLocale } from "../../i18n/locales";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../../audit/events";
import { actorOf, type Principal } from "../../auth/principal";
import { db, type Prisma } from "../../db";
import { AppError } from "../../errors";
import { decodeCursor, toPage, type Page } from "../../pagination";
import { Matcher, type CreateReceiverInput, type DeliveriesQuery, type UpdateReceiverInput } from "../schemas";
import type { NotificationOut, ReceiverOut } from "../outputs";
import type { AlertReceiver } from "../../generated/prisma/client";
import { externalUrl } from "./external-url";
import { NOT_ENDED, webhookPayload, type WebhookPayload } from "./payload";

/** A receiver's matchers ([] = every alert); a stored row that does not parse sends everything rather than nothing. */
export function receiverMatchers(raw: unknown): Matcher[] {
  const parsed = z.array(Matcher).safeParse(raw);
  return parsed.success ? parsed.data : [];
}

/**
 * A webhook URL as someone who may not change receivers sees it: scheme and
 * host only. Chat and paging webhooks carry their credential in the path or
 * query (a Slack hook URL is its own secret), so the rest stays with admins.
 */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return "…";
  }
}

/** Whether a reader sees receivers' whole URLs: those who may change receivers (admins). */
export type ReceiverReader = { revealUrls: boolean };

export function toReceiverOut(
  r: AlertReceiver,
  secret?: string,
  reader: ReceiverReader = { revealUrls: true },
): ReceiverOut {
  return {
    name: r.name,
    url: reader.revealUrls ? r.url : redactedUrl(r.url),
    matchers: receiverMatchers(r.matchers),
    groupBy: r.groupBy,
    groupWaitSeconds: r.groupWaitSeconds,
    groupIntervalSeconds: r.groupIntervalSeconds,
    repeatIntervalSeconds: r.repeatIntervalSeconds,
    timeoutMs: r.timeoutMs,
    maxAttempts: r.maxAttempts,
    locale: isLocale(r.locale) ? r.locale : "en",
    isFallback: r.isFallback,
    enabled: r.enabled,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    ...(secret ? { secret } : {}),
  };
}

async function receiverOrThrow(name: string): Promise<AlertReceiver> {
  const r = await db.alertReceiver.findUnique({ where: { name } });
  if (!r) throw new AppError("not_found", `Receiver ${name} does not exist`);
  return r;
}

export async function listReceivers(reader: ReceiverReader) {
  const rows = await db.alertReceiver.findMany({ orderBy: { name: "asc" } });
  return { items: rows.map((r) => toReceiverOut(r, undefined, reader)), nextCursor: null };
}

export async function getReceiver(name: string, reader: ReceiverReader): Promise<ReceiverOut> {
  return toReceiverOut(await receiverOrThrow(name), undefined, reader);
}

// What the audit keeps of a receiver change: never its secret.
const withoutSecret = (input: { secret?: string }) => {
  const { secret, ...rest } = input;
  return { ...rest, ...(secret ? { secret: "(changed)" } : {}) } as Prisma.InputJsonValue;
};

/** Adds a receiver; its signing secret is the one given or a new random one, answered once. */
export async function createReceiver(input: CreateReceiverInput, actor: Principal): Promise<ReceiverOut> {
  const secret = input.secret ?? randomBytes(32).toString("base64url");
  const row = await db.$transaction(async (tx) => {
    if (await tx.alertReceiver.findUnique({ where: { name: input.name } }))
      throw new AppError("conflict", `Receiver ${input.name} already exists`);
    const r = await tx.alertReceiver.create({ data: { ...input, secret, createdBy: actorOf(actor) } });
    await recordAudit(tx, actor, {
      action: "receiver.create",
      target: `receiver:${input.name}`,
      details: withoutSecret(input),
    });
    return r;
  });
  return toReceiverOut(row, secret);
}

export async function updateReceiver(name: string, input: UpdateReceiverInput, actor: Principal): Promise<ReceiverOut> {
  const row = await db.$transaction(async (tx) => {
    const r = await tx.alertReceiver.findUnique({ where: { name } });
    if (!r) throw new AppError("not_found", `Receiver ${name} does not exist`);
    const updated = await tx.alertReceiver.update({ where: { id: r.id }, data: input });
    await recordAudit(tx, actor, {
      action: "receiver.update",
      target: `receiver:${name}`,
      details: withoutSecret(input),
    });
    return updated;
  });
  return toReceiverOut(row);
}

export async function deleteReceiver(name: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const r = await tx.alertReceiver.findUnique({ where: { name } });
    if (!r) throw new AppError("not_found", `Receiver ${name} does not exist`);
    await tx.alertReceiver.delete({ where: { id: r.id } });
    await recordAudit(tx, actor, { action: "receiver.delete", target: `receiver:${name}`, details: { url: r.url } });
  });
}

const Key = z.object({ createdAt: z.string(), id: z.string() });

/** A receiver's delivery log: its notifications, newest first, each with every attempt. */
export async function listDeliveries(name: string, q: DeliveriesQuery): Promise<Page<NotificationOut>> {
  const r = await receiverOrThrow(name);
  const after = q.cursor ? decodeCursor(q.cursor, Key) : null;
  const rows = await db.alertNotification.findMany({
    where: {
      receiverId: r.id,
      ...(q.status ? { status: q.status } : {}),
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after.createdAt) } },
              { createdAt: new Date(after.createdAt), id: { lt: after.id } },
            ],
          }
        : {}),
    },
    include: { deliveries: { orderBy: { id: "asc" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  return toPage(
    rows,
    q.limit,
    (n) => ({ createdAt: n.createdAt.toISOString(), id: n.id }),
    (n) => {
      const payload = n.payload as unknown as WebhookPayload;
      return {
        id: n.id,
        receiver: name,
        groupKey: n.groupKey,
        status: n.status,
        alerts: payload.alerts?.length ?? 0,
        payloadStatus: payload.status === "resolved" ? "resolved" : "firing",
        attempts: n.attempts,
        nextAttemptAt: n.status === "pending" ? n.nextAttemptAt.toISOString() : null,
        lastError: n.lastError,
        fallbackOf: n.fallbackOf,
        createdAt: n.createdAt.toISOString(),
        deliveredAt: n.deliveredAt?.toISOString() ?? null,
        deliveries: n.deliveries.map((d) => ({
          at: d.at.toISOString(),
          attempt: d.attempt,
          httpStatus: d.httpStatus,
          ok: d.ok,
          error: d.error,
          durationMs: d.durationMs,
        })),
      };
    },
  );
}

/** Queues a test notification to a receiver (a made-up firing alert), delivered like any other. */
export async function sendTestNotification(
  name: string,
  actor: Principal,
  now = new Date(),
): Promise<{ queued: true }> {
  const r = await receiverOrThrow(name);
  const labels = { alertname: "RackmindTest", severity: "info" };
  const payload = webhookPayload({
    receiver: r.name,
    groupKey: '{}:{alertname="RackmindTest"}',
    groupLabels: { alertname: "RackmindTest" },
    externalURL: externalUrl(),
    alerts: [
      {
        status: "firing",
        labels,
        annotations: {
          summary: renderCoded(
            isLocale(r.locale) ? r.locale : "en",
            coded("alert.testNotification", { actor: actorOf(actor) }),
            `A test notification, sent by ${actorOf(actor)}`,
          ),
        },
        startsAt: now.toISOString(),
        endsAt: NOT_ENDED,
        generatorURL: `${externalUrl()}/alerts`,
        fingerprint: "0000000000000000",
      },
    ],
  });
  await db.$transaction(async (tx) => {
    await tx.alertNotification.create({
      data: {
        receiverId: r.id,
        groupKey: payload.groupKey,
        idempotencyKey: `test:${r.id}:${now.getTime()}:${randomBytes(4).toString("hex")}`,
        payload: payload as unknown as Prisma.InputJsonValue,
        nextAttemptAt: now,
      },
    });
    await recordAudit(tx, actor, { action: "receiver.test", target: `receiver:${name}` });
  });
  return { queued: true };
}
