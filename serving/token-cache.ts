/**
 * Who may predict, without a database round trip per request: API tokens are
 * looked up once and kept; revocations are polled every second, so a revoked
 * token stops predicting within about a second. Unknown tokens are
 * remembered briefly too, so a client retrying a bad token cannot make every
 * request a query.
 */
import { timingSafeEqual } from "node:crypto";
import { getPool } from "../lib/database/pool";
import { can } from "../lib/auth/permissions";
import type { Principal } from "../lib/auth/principal";
import { findTokenPrincipal } from "../lib/auth/tokens";
import { hashSecret } from "../lib/auth/secrets";
import { AppError } from "../lib/errors";
import { logger } from "../lib/observability/logger";

const KNOWN_TTL_MS = 10 * 60_000;
// Tokens whose sha256 is remembered; beyond it the memo starts over (a few MB at most).
const MAX_HASHED_TOKENS = 10_000;
const UNKNOWN_TTL_MS = 5_000;
// Revocation times come from other processes' clocks: look back this far on each poll.
const CLOCK_SLACK_MS = 60_000;

type Entry = { principal: Principal | null; until: number };

export class TokenCache {
  private readonly byHash = new Map<string, Entry>();
  /** token → sha256 hex: hashing every request's token cost more than the rest of the lookup. */
  private readonly hashes = new Map<string, string>();
  private newestRevocation = Date.now() - CLOCK_SLACK_MS;
  private timer: NodeJS.Timeout | null = null;

  /** `internalSecret`: the web app forwards its users' predictions with it (launcher-generated, per start). */
  constructor(private readonly internalSecret: string | null) {}

  start(everyMs = 1000): void {
    const tick = () =>
      void this.pollRevocations()
        .catch((err) => logger.warn({ err }, "could not poll token revocations"))
        .finally(() => (this.timer = setTimeout(tick, everyMs)));
    this.timer = setTimeout(tick, everyMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  async pollRevocations(): Promise<number> {
    const { rows } = await getPool().query<{ tokenHash: string; revokedAt: Date }>(
      `SELECT "tokenHash", "revokedAt" FROM "ApiToken" WHERE "revokedAt" > $1`,
      [new Date(this.newestRevocation - CLOCK_SLACK_MS)],
    );
    for (const r of rows) {
      this.byHash.set(r.tokenHash, { principal: null, until: Date.now() + KNOWN_TTL_MS });
      this.newestRevocation = Math.max(this.newestRevocation, r.revokedAt.getTime());
    }
    return rows.length;
  }

  /** The caller allowed to predict, or 401/403 in the API's words. */
  async authorize(headers: { authorization?: string; internal?: string; actor?: string }): Promise<Principal> {
    if (headers.internal !== undefined && this.isInternal(headers.internal)) {
      // The web app checked its user's session and permission before forwarding.
      return { kind: "user", id: "forwarded", name: headers.actor ?? "web", role: "operator" };
    }
    const match = headers.authorization ? /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization) : null;
    if (!match)
      throw new AppError("unauthenticated", "Send `Authorization: Bearer <token>` (a token allowed to predict)");
    const principal = await this.lookup(match[1]!);
    if (!principal) throw new AppError("unauthenticated", "The API token is unknown or revoked");
    const isScoped = principal.kind === "token" && principal.scope === "predict";
    if (!isScoped && !can(principal.role, "deployments.predict"))
      throw new AppError(
        "forbidden",
        `Predicting needs the operator role or a predict-scoped token; you are ${principal.role}`,
      );
    return principal;
  }

  private hashOf(token: string): string {
    let hash = this.hashes.get(token);
    if (hash === undefined) {
      // Only tokens that resolve to a principal are worth remembering, but
      // which ones do is not known yet; a flood of made-up tokens just clears it.
      if (this.hashes.size >= MAX_HASHED_TOKENS) this.hashes.clear();
      hash = hashSecret(token);
      this.hashes.set(token, hash);
    }
    return hash;
  }

  private async lookup(token: string): Promise<Principal | null> {
    const hash = this.hashOf(token);
    const hit = this.byHash.get(hash);
    if (hit && hit.until > Date.now()) return hit.principal;
    const principal = await findTokenPrincipal(token);
    this.byHash.set(hash, { principal, until: Date.now() + (principal ? KNOWN_TTL_MS : UNKNOWN_TTL_MS) });
    return principal;
  }

  private isInternal(given: string): boolean {
    if (!this.internalSecret) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.internalSecret);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
