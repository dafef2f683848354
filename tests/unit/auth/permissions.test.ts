import { describe, expect, it } from "vitest";
import { can, canGrant, permissions, roles, type Permission, type Role } from "../../../lib/auth/permissions";

// The intended policy, written out independently of lib/auth/permissions.ts so
// that changing who may do what has to be done deliberately in both places.
const minimumRole: Record<Permission, Role> = {
  "self.read": "viewer",
  "self.preferences": "viewer",
  "inventory.read": "viewer",
  "inventory.write": "operator",
  "telemetry.read": "viewer",
  "telemetry.write": "operator",
  "telemetry.networks": "admin",
  "energy.read": "viewer",
  "energy.write": "operator",
  "datasets.read": "viewer",
  "datasets.write": "operator",
  "jobs.read": "viewer",
  "jobs.write": "operator",
  "quotas.write": "admin",
  "models.read": "viewer",
  "models.write": "operator",
  "models.promote": "admin",
  "deployments.read": "viewer",
  "deployments.write": "operator",
  "deployments.predict": "operator",
  "alerts.read": "viewer",
  "alerts.write": "operator",
  "alerts.receivers": "admin",
  "faults.settings": "admin",
  "metrics.read": "viewer",
  "audit.read": "viewer",
  "audit.verify": "admin",
  "users.read": "admin",
  "users.write": "admin",
  "tokens.read": "admin",
  "tokens.write": "admin",
};

const order: Role[] = ["viewer", "operator", "admin"];

describe("roles", () => {
  it("lists the roles from least to most privileged", () => {
    expect(roles).toEqual(order);
  });
});

describe("can", () => {
  it("covers exactly the permissions this test knows about", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(minimumRole).sort());
  });

  describe.each(Object.entries(minimumRole) as [Permission, Role][])("%s", (permission, minimum) => {
    it(`is granted to ${minimum} and every role above it`, () => {
      for (const role of order.slice(order.indexOf(minimum))) expect(can(role, permission)).toBe(true);
    });

    if (minimum !== "viewer") {
      it(`is refused to every role below ${minimum}`, () => {
        for (const role of order.slice(0, order.indexOf(minimum))) expect(can(role, permission)).toBe(false);
      });
    }
  });

  it("nests roles: anything a lower role may do, every higher role may do too", () => {
    for (const permission of Object.keys(permissions) as Permission[]) {
      for (let i = 0; i < order.length - 1; i++) {
        if (can(order[i]!, permission)) expect(can(order[i + 1]!, permission)).toBe(true);
      }
    }
  });

  it("lets a viewer read but never write", () => {
    expect(can("viewer", "inventory.read")).toBe(true);
    const writes = (Object.keys(permissions) as Permission[]).filter((p) => p.endsWith(".write"));
    expect(writes.length).toBeGreaterThan(0);
    for (const permission of writes) expect(can("viewer", permission)).toBe(false);
  });

  it("keeps user, token and model-alias management for admins only", () => {
    for (const permission of [
      "users.read",
      "users.write",
      "tokens.read",
      "tokens.write",
      "models.promote",
      "quotas.write",
    ] as const) {
      expect(can("operator", permission)).toBe(false);
      expect(can("admin", permission)).toBe(true);
    }
  });
});

describe("canGrant", () => {
  it.each([
    ["viewer", "viewer", true],
    ["viewer", "operator", false],
    ["viewer", "admin", false],
    ["operator", "viewer", true],
    ["operator", "operator", true],
    ["operator", "admin", false],
    ["admin", "viewer", true],
    ["admin", "operator", true],
    ["admin", "admin", true],
  ] as const)("lets a %s grant %s: %s", (granter, granted, expected) => {
    expect(canGrant(granter, granted)).toBe(expected);
  });
});
