import { db, type Prisma } from "../../db";
import { getPool } from "../../database/pool";
import { logger } from "../../observability/logger";
import { isRetryable, retryDelayMs } from "./backoff";
import { signBody } from "./signature";
import type { AlertNotification, AlertReceiver } from "../../generated/prisma/client";

/**
 * Sends queued notifications. Each is claimed by one deliverer (SKIP LOCKED,
 * for a claim window after which a crashed deliverer's notification is sent
 * again: at least once, and receivers dedupe by Idempotency-Key), POSTed with
 * the receiver's own timeout, and every attempt is logged. Server errors,
 * timeouts, 408 and 429 are retried with backoff up to the receiver's
 * maxAttempts; other 4xx are final. What a receiver could not take goes to
 * the fallback receiver, once.
 */

const CLAIM_MS = 120_000;
const BATCH = 20;

export type DeliveryResult = { sent: number; retrying: number; failed: number };

async function claim(now: Date): Promise<AlertNotification[]> {
  const { rows } = await getPool().query<AlertNotification>(
    `UPDATE "AlertNotification" SET status = 'delivering', "nextAttemptAt" = $2
     WHERE id IN (
       SELECT id FROM "AlertNotification"
       WHERE status IN ('pending', 'delivering') AND "nextAttemptAt" <= $1
       ORDER BY "nextAttemptAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [now, new Date(now.getTime() + CLAIM_MS)],
  );
  return rows;
}

type Outcome = { ok: boolean; httpStatus: number | null; error: string | null; retryable: boolean };

async function post(r: AlertReceiver, n: AlertNotification, now: Date): Promise<Outcome> {
  const body = JSON.stringify(n.payload);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  try {
    const res = await fetch(r.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Rackmind-Alerts/1",
        "idempotency-key": n.idempotencyKey,
        "x-rackmind-timestamp": timestamp,
        "x-rackmind-signature": signBody(r.secret, timestamp, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(r.timeoutMs),
    });
    // The body is not read beyond what closing needs: a receiver's answer is never echoed anywhere.
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300)
      return { ok: true, httpStatus: res.status, error: null, retryable: false };
    return {
      ok: false,
      httpStatus: res.status,
      error: `answered ${res.status}`,
      retryable: isRetryable(res.status),
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const timedOut = e.name === "TimeoutError" || e.name === "AbortError";
    return {
      ok: false,
      httpStatus: null,
      error: timedOut ? `no answer within ${r.timeoutMs} ms` : `could not connect (${e.cause?.code ?? e.message})`,
      retryable: true,
    };
  }
}

async function handToFallback(n: AlertNotification, from: AlertReceiver, now: Date) {
  if (n.fallbackOf) return; // a fallback's own failure goes nowhere further
  const fallback = await db.alertReceiver.findFirst({
    where: { isFallback: true, enabled: true, id: { not: from.id } },
    orderBy: { name: "asc" },
  });
  if (!fallback) return;
  const payload = { ...(n.payload as Record<string, unknown>), receiver: fallback.name };
  await db.alertNotification.createMany({
    data: [
      {
        receiverId: fallback.id,
        groupKey: n.groupKey,
        idempotencyKey: `${n.idempotencyKey}:fallback`,
        payload: payload as Prisma.InputJsonValue,
        nextAttemptAt: now,
        fallbackOf: n.id,
      },
    ],
    skipDuplicates: true,
  });
}

export async function deliverNotifications(now = new Date()): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const claimed = await claim(now);
  if (claimed.length === 0) return result;
  const receivers = new Map(
    (await db.alertReceiver.findMany({ where: { id: { in: claimed.map((n) => n.receiverId) } } })).map((r) => [
      r.id,
      r,
    ]),
  );
  await Promise.all(
    claimed.map(async (n) => {
      const r = receivers.get(n.receiverId);
      if (!r) return;
      const t0 = performance.now();
      const out = await post(r, n, now);
      const attempt = n.attempts + 1;
      const final = out.ok || !out.retryable || attempt >= r.maxAttempts;
      await db.$transaction([
        db.alertDelivery.create({
          data: {
            notificationId: n.id,
            at: now,
            attempt,
            httpStatus: out.httpStatus,
            ok: out.ok,
            error: out.error,
            durationMs: Math.round(performance.now() - t0),
          },
        }),
        db.alertNotification.update({
          where: { id: n.id },
          data: {
            attempts: attempt,
            status: out.ok ? "delivered" : final ? "failed" : "pending",
            lastError: out.error,
            deliveredAt: out.ok ? new Date() : null,
            nextAttemptAt: final ? now : new Date(now.getTime() + retryDelayMs(attempt)),
          },
        }),
      ]);
      if (out.ok) result.sent++;
      else if (!final) result.retrying++;
      else {
        result.failed++;
        logger.warn({ receiver: r.name, attempts: attempt, error: out.error }, "alert notification not delivered");
        await handToFallback(n, r, now);
      }
    }),
  );
  return result;
}
