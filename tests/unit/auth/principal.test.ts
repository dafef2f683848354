import { describe, expect, it } from "vitest";
import { actorOf, systemPrincipal } from "../../../lib/auth/principal";

describe("actorOf", () => {
  it("names a user as user:<name>", () => {
    expect(actorOf({ kind: "user", id: "u1", name: "alice", role: "operator" })).toBe("user:alice");
  });

  it("names an API token as token:<name>", () => {
    expect(actorOf({ kind: "token", id: "t1", name: "ci", role: "viewer" })).toBe("token:ci");
  });

  it("names Rackmind itself as system", () => {
    expect(actorOf(systemPrincipal)).toBe("system");
  });
});
