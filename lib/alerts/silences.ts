import { z } from "zod";
import { recordAudit } from "../audit/events";
import { type Principal } from "../auth/principal";
import { actorOf } from "../auth/principal";
import { db } from "../db";
import { AppError } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { Matcher, type CreateSilenceInput, type SilencesQuery } from "./schemas";
import type { SilenceOut } from "./outputs";
import type { AlertSilence } from "../generated/prisma/client";

/** A stored silence's matchers; a row that does not parse matches nothing rather than everything. */
export function readMatchers(raw: unknown): Matcher[] {
  const parsed = z.array(Matcher).min(1).safeParse(raw);
  return parsed.success ? parsed.data : [{ name: "alertname", value: "\u0000", isRegex: false, isEqual: true }];
}

export function silenceStateOf(s: { startsAt: Date; endsAt: Date }, now: Date): SilenceOut["state"] {
  if (s.endsAt <= now) return "expired";
  return s.startsAt > now ? "pending" : "active";
}

export function toSilenceOut(s: AlertSilence, now = new Date()): SilenceOut {
  return {
    id: s.id,
    matchers: readMatchers(s.matchers),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    comment: s.comment,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    state: silenceStateOf(s, now),
    firingAtEnd: s.firingAtEnd,
  };
}

export async function createSilence(
  input: CreateSilenceInput,
  actor: Principal,
  now = new Date(),
): Promise<SilenceOut> {
  const startsAt = input.startsAt ? new Date(input.startsAt) : now;
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw new AppError("unprocessable_entity", "A silence must end after it starts");
  if (endsAt <= now) throw new AppError("unprocessable_entity", "A silence must end in the future");
  const row = await db.$transaction(async (tx) => {
    const s = await tx.alertSilence.create({
      data: { matchers: input.matchers, startsAt, endsAt, comment: input.comment, createdBy: actorOf(actor) },
    });
    await recordAudit(tx, actor, {
      action: "silence.create",
      target: `silence:${s.id}`,
      details: {
        matchers: input.matchers,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        comment: input.comment,
      },
    });
    return s;
  });
  return toSilenceOut(row, now);
}

/** Ends a silence now (Alertmanager's expire); an ended one is left as it was. */
export async function expireSilence(id: string, actor: Principal, now = new Date()): Promise<SilenceOut> {
  const row = await db.$transaction(async (tx) => {
    const s = await tx.alertSilence.findUnique({ where: { id } });
    if (!s) throw new AppError("not_found", `Silence ${id} does not exist`);
    if (s.endsAt <= now) throw new AppError("conflict", `Silence ${id} has already ended`);
    const ended = await tx.alertSilence.update({
      where: { id },
      data: { endsAt: now, ...(s.startsAt > now ? { startsAt: now } : {}) },
    });
    await recordAudit(tx, actor, {
      action: "silence.expire",
      target: `silence:${id}`,
      details: { endedAt: now.toISOString() },
    });
    return ended;
  });
  return toSilenceOut(row, now);
}

export async function getSilence(id: string): Promise<SilenceOut> {
  const s = await db.alertSilence.findUnique({ where: { id } });
  if (!s) throw new AppError("not_found", `Silence ${id} does not exist`);
  return toSilenceOut(s);
}

const Key = z.object({ createdAt: z.string(), id: z.string() });

export async function listSilences(q: SilencesQuery, now = new Date()): Promise<Page<SilenceOut>> {
  const state =
    q.state === "active"
      ? { startsAt: { lte: now }, endsAt: { gt: now } }
      : q.state === "pending"
        ? { startsAt: { gt: now } }
        : q.state === "expired"
          ? { endsAt: { lte: now } }
          : {};
  const after = q.cursor ? decodeCursor(q.cursor, Key) : null;
  const rows = await db.alertSilence.findMany({
    where: {
      ...state,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after.createdAt) } },
              { createdAt: new Date(after.createdAt), id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  return toPage(
    rows,
    q.limit,
    (s) => ({ createdAt: s.createdAt.toISOString(), id: s.id }),
    (s) => toSilenceOut(s, now),
  );
}

/** Silences in force at `now`, with their matchers parsed once. */
export async function activeSilences(now = new Date()): Promise<{ id: string; matchers: Matcher[] }[]> {
  const rows = await db.alertSilence.findMany({ where: { startsAt: { lte: now }, endsAt: { gt: now } } });
  return rows.map((s) => ({ id: s.id, matchers: readMatchers(s.matchers) }));
}
