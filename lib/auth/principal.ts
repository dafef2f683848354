import type { Role } from "./permissions";

/** `predict`: a token that may only send predictions and feedback to deployments, whatever its role. */
export type TokenScope = "predict";

/** Who is acting: a signed-in user, an API token, or Rackmind itself. */
export type Principal =
  | { kind: "user"; id: string; name: string; role: Role }
  | { kind: "token"; id: string; name: string; role: Role; scope?: TokenScope | null }
  | { kind: "system"; name: "system"; role: "admin" };

export const systemPrincipal: Principal = { kind: "system", name: "system", role: "admin" };

/** The actor string recorded in the audit log: `user:alice`, `token:ci`, `system`. */
export function actorOf(p: Principal): string {
  return p.kind === "system" ? "system" : `${p.kind}:${p.name}`;
}

/** Whether a principal's token scope allows `permission` (a scoped token allows only predicting). */
export function isWithinScope(p: Principal, permission: string): boolean {
  return p.kind !== "token" || !p.scope || permission === "deployments.predict";
}
