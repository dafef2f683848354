import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures: `X-Rackmind-Signature: sha256=<hex>` over
 * `<X-Rackmind-Timestamp>.<body>`, keyed with the receiver's secret — the
 * scheme GitHub and Stripe use, so a receiver can reject forged and replayed
 * notifications (check the timestamp is recent, then the HMAC).
 */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
