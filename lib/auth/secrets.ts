import { createHash, randomBytes, randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** argon2id hash of a password (OWASP-recommended parameters are the library's defaults). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/**
 * A random bearer secret with a recognisable prefix (so secret scanners can find
 * leaked ones): 32 random bytes, base64url.
 */
export function generateSecret(prefix: "rmk" | "rms"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/**
 * sha256 of a bearer secret. Secrets are 256-bit random, so a fast hash is enough
 * (unlike passwords) and lets every request look the token up by its hash.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * A password people can type: 4 groups of 5 characters from 31 unambiguous ones
 * (no i, l, o, 0, 1) — about 99 bits. randomInt is uniform (no modulo bias).
 */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}
