import { pruneExpiredSessions } from "../../lib/auth/sessions";

/** Deletes expired login sessions so the table does not grow without bound. */
export const PruneSessionsJob = {
  name: "auth.prune-sessions",
  everyMs: 10 * 60_000,
  run: async () => ({ deleted: await pruneExpiredSessions() }),
};
