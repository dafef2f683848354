import type { Role } from "../generated/prisma/enums";

export type { Role };
export const roles = ["viewer", "operator", "admin"] as const satisfies readonly Role[];

/**
 * The one table of who may do what. `viewer` reads; `operator` also writes
 * fleet, telemetry, energy, datasets, jobs, deployments; `admin` also manages
 * users, tokens and model aliases (the public contract; README "API").
 */
export const permissions = {
  "self.read": "viewer",
  // A signed-in user's own preferences (the interface language).
  "self.preferences": "viewer",
  "inventory.read": "viewer",
  "inventory.write": "operator",
  "telemetry.read": "viewer",
  "telemetry.write": "operator",
  // Which networks the worker may fetch scrape targets from: the SSRF boundary.
  "telemetry.networks": "admin",
  "energy.read": "viewer",
  "energy.write": "operator",
  "datasets.read": "viewer",
  "datasets.write": "operator",
  "jobs.read": "viewer",
  "jobs.write": "operator",
  // GPU quotas bound what operators' jobs may hold, so operators don't set them.
  "quotas.write": "admin",
  "models.read": "viewer",
  "models.write": "operator",
  // Moving a protected alias (production) and setting which aliases are protected.
  "models.promote": "admin",
  "deployments.read": "viewer",
  "deployments.write": "operator",
  // Predicting costs compute: operators, and tokens scoped to `predict` whatever their role.
  "deployments.predict": "operator",
  "alerts.read": "viewer",
  // Rules and silences are the on-call's tools: operators edit them (every change audited).
  "alerts.write": "operator",
  // Receivers hold webhook URLs and signing secrets: where alerts leave Rackmind.
  "alerts.receivers": "admin",
  // Whether nodes leave service by themselves, and the circuit breaker's bounds.
  "faults.settings": "admin",
  "metrics.read": "viewer",
  "audit.read": "viewer",
  // Recomputing the hash chain reads every event: an admin's check, not a viewer's page load.
  "audit.verify": "admin",
  "users.read": "admin",
  "users.write": "admin",
  "tokens.read": "admin",
  "tokens.write": "admin",
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof permissions;

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Whether `role` holds `permission` (roles are nested: admin ⊃ operator ⊃ viewer). */
export function can(role: Role, permission: Permission): boolean {
  return rank[role] >= rank[permissions[permission]];
}

/** Whether a holder of `granter` may hand out `granted` (no one grants above their own role). */
export function canGrant(granter: Role, granted: Role): boolean {
  return rank[granter] >= rank[granted];
}
