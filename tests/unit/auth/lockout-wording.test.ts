import { describe, expect, it } from "vitest";
import { lockedOutError, retryWording } from "../../../lib/auth/lockout";

describe("lockout wording", () => {
  it("says the wait in whole minutes, rounded up, never zero", () => {
    expect(retryWording(900)).toBe("try again in 15 minutes");
    expect(retryWording(841)).toBe("try again in 15 minutes");
    expect(retryWording(840)).toBe("try again in 14 minutes");
    expect(retryWording(59)).toBe("try again in 1 minute");
    expect(retryWording(0)).toBe("try again in 1 minute");
  });

  it("is a 429-coded error with the seconds for Retry-After and the lock's end", () => {
    const now = new Date("2026-12-06T08:00:00Z");
    const err = lockedOutError({ kind: "user", subject: "kim" }, new Date("2026-12-06T08:14:00.500Z"), now);
    expect(err.code).toBe("rate_limited");
    expect(err.message).toBe("Too many failed attempts; try again in 15 minutes.");
    expect(err.details).toEqual({ scope: "user", retryAfterSeconds: 841, lockedUntil: "2026-12-06T08:14:00.500Z" });
  });
});
