import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import type { Principal } from "./principal";
import { findSessionPrincipal, SESSION_COOKIE } from "./sessions";

/**
 * The signed-in user of a page request, or null. Cached per request: the
 * dashboard layout and the page both check (a layout is not re-rendered on
 * client navigation, so it cannot guard pages alone), and that should cost
 * one session lookup, not two.
 */
export const getPagePrincipal = cache(async (): Promise<Principal | null> => {
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  return cookie ? findSessionPrincipal(cookie) : null;
});

/** For server components: the signed-in user, or a redirect to /login. */
export async function requirePagePrincipal(): Promise<Principal> {
  const principal = await getPagePrincipal();
  if (!principal) redirect("/login");
  return principal;
}

/** For pages that need a permission: the user, or a redirect (login) / false (show "not allowed"). */
export async function pagePrincipalWith(permission: Permission): Promise<{ principal: Principal; allowed: boolean }> {
  const principal = await requirePagePrincipal();
  return { principal, allowed: can(principal.role, permission) };
}
