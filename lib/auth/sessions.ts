import { db } from "../db";
import { recordAudit } from "../audit/events";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { assertNotLockedOut, clearLoginFailures, recordLoginFailure } from "./lockout";
import { systemPrincipal, type Principal } from "./principal";
import type { LoginInput } from "./schemas";
import { generateSecret, hashPassword, hashSecret, verifyPassword } from "./secrets";

export const SESSION_COOKIE = "rackmind_session";

// A fixed hash to verify against when the user does not exist, so a login for an
// unknown name costs as much time as one with a wrong password.
let decoyHash: Promise<string> | undefined;

/** Who is signing in, as the request tells: its user agent and address (lib/http/client-address.ts). */
export type SignInClient = {
  userAgent: string | null;
  address: string | null;
  /** The session cookie the sign-in request carried, if any: ended by the sign-in (rotation). */
  previousCookie?: string | null;
};

/**
 * Checks a name and password and opens a session. Both outcomes are audited,
 * with the client's user agent and address (null when no proxy reported one);
 * a failure never says whether the name exists. A name or address with too
 * many recent failures is refused with `rate_limited` before the password is
 * checked, and so is the failure that reaches the limit (lib/auth/lockout.ts).
 */
export async function signIn(
  input: LoginInput,
  client: SignInClient,
): Promise<{ cookie: string; expiresAt: Date; principal: Principal }> {
  const { userAgent, address } = client;
  await assertNotLockedOut(input.name, client);
  const user = await db.user.findUnique({ where: { name: input.name } });
  const ok =
    user && !user.disabledAt
      ? await verifyPassword(user.passwordHash, input.password)
      : (await verifyPassword(await (decoyHash ??= hashPassword("decoy-password")), input.password), false);
  if (!user || !ok) {
    await db.$transaction((tx) =>
      recordAudit(tx, systemPrincipal, {
        action: "auth.login_failed",
        target: `user:${input.name}`,
        details: { userAgent, address },
      }),
    );
    throw (
      (await recordLoginFailure(input.name, client)) ?? new AppError("unauthenticated", "Wrong user name or password")
    );
  }
  await clearLoginFailures(user.name);
  const cookie = generateSecret("rms");
  const expiresAt = new Date(Date.now() + getConfig().RACKMIND_SESSION_HOURS * 3_600_000);
  const principal: Principal = { kind: "user", id: user.id, name: user.name, role: user.role };
  await db.$transaction(async (tx) => {
    // Rotation: the session the browser signed in with (another user's, or its own older one) ends here,
    // so a cookie planted or seen before sign-in is worth nothing after it.
    if (client.previousCookie) await tx.session.deleteMany({ where: { tokenHash: hashSecret(client.previousCookie) } });
    await tx.session.create({ data: { tokenHash: hashSecret(cookie), userId: user.id, expiresAt, userAgent } });
    await recordAudit(tx, principal, {
      action: "auth.login",
      target: `user:${user.name}`,
      details: { userAgent, address },
    });
  });
  return { cookie, expiresAt, principal };
}

/** The user behind a session cookie, or null when it is unknown, expired or the user is disabled. */
export async function findSessionPrincipal(cookie: string): Promise<Principal | null> {
  const session = await db.session.findUnique({ where: { tokenHash: hashSecret(cookie) }, include: { user: true } });
  if (!session || session.expiresAt.getTime() <= Date.now() || session.user.disabledAt) return null;
  const { user } = session;
  return { kind: "user", id: user.id, name: user.name, role: user.role };
}

/** Ends a session (logout). Unknown cookies are ignored: logging out twice is fine. */
export async function signOut(cookie: string): Promise<void> {
  const session = await db.session.findUnique({ where: { tokenHash: hashSecret(cookie) }, include: { user: true } });
  if (!session) return;
  const { user } = session;
  await db.$transaction(async (tx) => {
    await tx.session.delete({ where: { id: session.id } });
    await recordAudit(
      tx,
      { kind: "user", id: user.id, name: user.name, role: user.role },
      { action: "auth.logout", target: `user:${user.name}` },
    );
  });
}

/** Deletes expired sessions; the worker runs this periodically. Returns how many. */
export async function pruneExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
