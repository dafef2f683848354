import type { Role } from "./permissions";

/** Who is acting: a signed-in user, an API token, or Rackmind itself. */
export type Principal =
  | { kind: "user"; id: string; name: string; role: Role }
  | { kind: "token"; id: string; name: string; role: Role }
  | { kind: "system"; name: "system"; role: "admin" };

export const systemPrincipal: Principal = { kind: "system", name: "system", role: "admin" };

/** The actor string recorded in the audit log: `user:alice`, `token:ci`, `system`. */
export function actorOf(p: Principal): string {
  return p.kind === "system" ? "system" : `${p.kind}:${p.name}`;
}
