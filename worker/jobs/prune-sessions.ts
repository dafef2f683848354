import { pruneLoginThrottles } from "../../lib/auth/lockout";
import { pruneExpiredSessions } from "../../lib/auth/sessions";

/** Deletes expired login sessions and spent failed-login counts so neither table grows without bound. */
export const PruneSessionsJob = {
  name: "auth.prune-sessions",
  everyMs: 10 * 60_000,
  run: async () => ({ deleted: await pruneExpiredSessions(), loginThrottles: await pruneLoginThrottles() }),
};
