import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { db } from "../db";
import { AppError } from "../errors";
import type { Locale } from "./locales";

/** The language a user chose, or null when they never chose one (or no longer exist). */
export async function getUserLocale(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale ?? null;
}

/**
 * Remembers `locale` as the signed-in user's interface language (null: none,
 * the browser's decides), audited as `user.set_locale`. Only users have one:
 * an API token is refused (400).
 */
export async function setUserLocale(actor: Principal, locale: Locale | null): Promise<{ locale: Locale | null }> {
  if (actor.kind !== "user")
    throw new AppError("bad_request", "Only a signed-in user has an interface language; API tokens have none");
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: actor.id }, data: { locale }, select: { locale: true } });
    await recordAudit(tx, actor, {
      action: "user.set_locale",
      target: `user:${actor.name}`,
      details: { locale: user.locale },
    });
  });
  return { locale };
}
