import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generatePassword, generateSecret, hashPassword, hashSecret, verifyPassword } from "../../../lib/auth/secrets";

describe("generateSecret", () => {
  it.each(["rmk", "rms"] as const)("starts with the %s_ prefix followed by 32 random bytes in base64url", (prefix) => {
    const secret = generateSecret(prefix);
    expect(secret).toMatch(new RegExp(`^${prefix}_[A-Za-z0-9_-]{43}$`));
    expect(Buffer.from(secret.slice(prefix.length + 1), "base64url")).toHaveLength(32);
  });

  it("never repeats a secret", () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => generateSecret("rmk")));
    expect(secrets.size).toBe(1000);
  });
});

describe("hashSecret", () => {
  it("is the sha256 of the secret in lowercase hex", () => {
    // sha256("abc"), from FIPS 180-2.
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("gives the same hash for the same secret", () => {
    const secret = generateSecret("rmk");
    expect(hashSecret(secret)).toBe(hashSecret(secret));
    expect(hashSecret(secret)).toBe(createHash("sha256").update(secret).digest("hex"));
  });

  it("gives different hashes for different secrets", () => {
    expect(hashSecret("rmk_a")).not.toBe(hashSecret("rmk_b"));
  });
});

describe("generatePassword", () => {
  it("is 4 dash-separated groups of 5 characters without look-alikes (i, l, o, 0, 1)", () => {
    for (let i = 0; i < 200; i++) {
      expect(generatePassword()).toMatch(/^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$/);
    }
  });

  it("never repeats a password", () => {
    const passwords = new Set(Array.from({ length: 1000 }, () => generatePassword()));
    expect(passwords.size).toBe(1000);
  });
});

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id and a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse"), hashPassword("correct horse")]);
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toContain("correct horse");
    expect(a).not.toBe(b);
  });

  it("accepts the password the hash was made from", async () => {
    const stored = await hashPassword("correct horse");
    await expect(verifyPassword(stored, "correct horse")).resolves.toBe(true);
  });

  it("rejects a wrong password", async () => {
    const stored = await hashPassword("correct horse");
    await expect(verifyPassword(stored, "correct horsE")).resolves.toBe(false);
  });

  it("answers false, rather than throwing, for a hash that is not a hash", async () => {
    await expect(verifyPassword("not-a-hash", "anything")).resolves.toBe(false);
    await expect(verifyPassword("", "anything")).resolves.toBe(false);
  });
});
