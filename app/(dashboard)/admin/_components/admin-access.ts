import "server-only";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import type { Principal } from "@/lib/auth/principal";

/**
 * The signed-in admin, or null for anyone else. The admin layout shows the
 * "needs the admin role" notice; each page checks again because a page's
 * content can be fetched without its layout being rendered (client navigation).
 */
export async function adminPrincipal(): Promise<Principal | null> {
  const { principal, allowed } = await pagePrincipalWith("users.read");
  return allowed ? principal : null;
}
