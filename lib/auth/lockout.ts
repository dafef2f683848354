import { db } from "../db";
import { recordAudit } from "../audit/events";
import { AppError } from "../errors";
import { systemPrincipal, type Principal } from "./principal";
import type { LockoutOut } from "./schemas";

/**
 * Login rate limiting. Failed sign-ins are counted per user name and per
 * client address within a window; the failure that reaches the limit locks
 * that name (or address) until `lockMinutes` later, and sign-ins for it are
 * refused before the password is checked. Unknown names are counted and
 * locked exactly like real ones, so a lock never tells whether a name exists.
 *
 * The address limit is higher: many people can share one address (a NAT, a
 * bastion), and the per-name limit already stops guessing one password. It
 * applies only when the request names an address (lib/http/client-address.ts).
 */
export const loginLimits = {
  userFailures: 5,
  addressFailures: 30,
  windowMinutes: 15,
  lockMinutes: 15,
} as const;

type Subject = { kind: "user" | "address"; subject: string };

const keyOf = (s: Subject) => `${s.kind}:${s.subject}`;
const limitOf = (s: Subject) => (s.kind === "user" ? loginLimits.userFailures : loginLimits.addressFailures);

function subjectsOf(name: string, address: string | null): Subject[] {
  return address
    ? [
        { kind: "user", subject: name },
        { kind: "address", subject: address },
      ]
    : [{ kind: "user", subject: name }];
}

const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** "try again in 14 minutes": whole minutes, rounded up, so it is never "0 minutes". */
export function retryWording(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/** The 429 a locked name or address gets: words for the person, seconds for the client (Retry-After). */
export function lockedOutError(s: Subject, lockedUntil: Date, now: Date): AppError {
  const retryAfterSeconds = secondsUntil(lockedUntil, now);
  const message =
    s.kind === "user"
      ? `Too many failed attempts; ${retryWording(retryAfterSeconds)}.`
      : `Too many failed sign-ins from this address; ${retryWording(retryAfterSeconds)}.`;
  return new AppError("rate_limited", message, {
    scope: s.kind,
    retryAfterSeconds,
    lockedUntil: lockedUntil.toISOString(),
  });
}

type Client = { userAgent: string | null; address: string | null };

/**
 * Throws the 429 when the name or the address is locked now. The refused
 * attempt is audited (it is a sign-in attempt like any other), but not counted:
 * a lock does not grow longer while someone keeps trying.
 */
export async function assertNotLockedOut(name: string, client: Client, now = new Date()): Promise<void> {
  const subjects = subjectsOf(name, client.address);
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: subjects.map(keyOf) }, lockedUntil: { gt: now } },
  });
  const locked = subjects.find((s) => rows.some((r) => r.key === keyOf(s)));
  if (!locked) return;
  const row = rows.find((r) => r.key === keyOf(locked))!;
  await db.$transaction((tx) =>
    recordAudit(tx, systemPrincipal, {
      action: "auth.login_throttled",
      target: `user:${name}`,
      details: { ...client, lockedBy: keyOf(locked), lockedUntil: row.lockedUntil!.toISOString() },
    }),
  );
  throw lockedOutError(locked, row.lockedUntil!, now);
}

type Counted = { failures: number; lockedUntil: Date | null };

/**
 * Counts one failure in one statement, so concurrent failures on a server
 * never lose a count (a read-then-write would). A window that has passed
 * starts again at 1, and an expired lock is cleared on the way.
 */
async function countFailure(key: string, now: Date): Promise<Counted> {
  const windowFrom = new Date(now.getTime() - loginLimits.windowMinutes * 60_000);
  const rows = await db.$queryRaw<Counted[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowFrom} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowFrom} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE WHEN "LoginThrottle"."lockedUntil" <= ${now} THEN NULL ELSE "LoginThrottle"."lockedUntil" END,
      "updatedAt" = ${now}
    RETURNING "failures", "lockedUntil"`;
  return rows[0]!;
}

/**
 * Records a failed sign-in against the name and the address. When this
 * failure reaches a limit, the subject is locked (audited as `auth.lockout`)
 * and the 429 to answer with is returned; otherwise null.
 */
export async function recordLoginFailure(name: string, client: Client, now = new Date()): Promise<AppError | null> {
  let lockout: AppError | null = null;
  for (const s of subjectsOf(name, client.address)) {
    const counted = await countFailure(keyOf(s), now);
    if (counted.lockedUntil || counted.failures < limitOf(s)) continue;
    const lockedUntil = new Date(now.getTime() + loginLimits.lockMinutes * 60_000);
    await db.$transaction(async (tx) => {
      await tx.loginThrottle.update({ where: { key: keyOf(s) }, data: { lockedUntil } });
      await recordAudit(tx, systemPrincipal, {
        action: "auth.lockout",
        target: `${s.kind}:${s.subject}`,
        details: {
          failures: counted.failures,
          windowMinutes: loginLimits.windowMinutes,
          lockedUntil: lockedUntil.toISOString(),
          ...client,
        },
      });
    });
    lockout ??= lockedOutError(s, lockedUntil, now);
  }
  return lockout;
}

/** A successful sign-in forgets the name's failures (the address's stay: one good account must not reset them). */
export async function clearLoginFailures(name: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: keyOf({ kind: "user", subject: name }) } });
}

/** Every lock in force now, soonest to end first. */
export async function listLockouts(now = new Date()): Promise<LockoutOut[]> {
  const rows = await db.loginThrottle.findMany({
    where: { lockedUntil: { gt: now } },
    orderBy: { lockedUntil: "asc" },
  });
  return rows.map((r) => {
    const colon = r.key.indexOf(":");
    return {
      kind: r.key.slice(0, colon) as LockoutOut["kind"],
      subject: r.key.slice(colon + 1),
      failures: r.failures,
      lockedUntil: r.lockedUntil!.toISOString(),
      retryAfterSeconds: secondsUntil(r.lockedUntil!, now),
    };
  });
}

/** The user names locked now, with when their lock ends (for the users list). */
export async function lockedUsers(now = new Date()): Promise<Map<string, Date>> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { startsWith: "user:" }, lockedUntil: { gt: now } },
  });
  return new Map(rows.map((r) => [r.key.slice("user:".length), r.lockedUntil!]));
}

/**
 * Lifts a lock (and forgets the failures behind it) before it ends by itself.
 * Unlocking what is not locked changes nothing and is not audited.
 */
export async function unlockLogin(s: Subject, actor: Principal, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { key: keyOf(s) } });
    if (!row) return;
    await tx.loginThrottle.delete({ where: { key: row.key } });
    if (!row.lockedUntil || row.lockedUntil <= now) return;
    await recordAudit(tx, actor, {
      action: "auth.unlock",
      target: `${s.kind}:${s.subject}`,
      details: { failures: row.failures, lockedUntil: row.lockedUntil.toISOString() },
    });
  });
}

/**
 * Deletes counts whose window has passed and that hold no lock (they would
 * start again at 1 anyway), so failures for names typed once do not pile up.
 * The worker runs it with the session pruning. Returns how many.
 */
export async function pruneLoginThrottles(now = new Date()): Promise<number> {
  const windowFrom = new Date(now.getTime() - loginLimits.windowMinutes * 60_000);
  const { count } = await db.loginThrottle.deleteMany({
    where: { windowStart: { lte: windowFrom }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
  return count;
}
