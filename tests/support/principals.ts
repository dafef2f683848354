import type { Role } from "../../lib/auth/permissions";
import { systemPrincipal } from "../../lib/auth/principal";
import { createApiToken } from "../../lib/auth/tokens";

/** A real API token of each role, created through the service (and audited). */
export async function tokensByRole(): Promise<Record<Role, string>> {
  const [viewer, operator, admin] = await Promise.all(
    (["viewer", "operator", "admin"] as const).map((role) =>
      createApiToken({ name: `test-${role}`, role }, systemPrincipal),
    ),
  );
  return { viewer: viewer!.token, operator: operator!.token, admin: admin!.token };
}
