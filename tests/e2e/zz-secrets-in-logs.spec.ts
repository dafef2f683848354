import { readFileSync } from "node:fs";
import { readState } from "./support/state";
import { expect, test } from "./support/test";

// Named to run last (spec files run in name order, one at a time): by now every
// other spec has signed in, created and revoked tokens, started sessions and
// posted passwords through this server.

// The launcher's first start shows each demo user's password once, on the
// operator's terminal, by design (there is no other way to learn them); those
// lines are the only ones allowed to hold a password.
const FIRST_START_CREDENTIALS = /^\s*(admin|operator|viewer)\s+user:\s*\S+\s+password:\s*\S+\s*$/;
// API tokens (rmk_) and session secrets (rms_) have a recognisable prefix so scanners can find them.
const BEARER_SECRET = /\brm[ks]_[A-Za-z0-9_-]{20,}/g;

test("the server's logs of the whole run hold no token, session secret or password", () => {
  const state = readState();
  const lines = readFileSync(state.logPath, "utf8").split("\n");
  expect(lines.length, "the run wrote a server log").toBeGreaterThan(10);
  const shown = lines.filter((l) => FIRST_START_CREDENTIALS.test(l));
  expect(shown).toHaveLength(3);
  const log = lines.filter((l) => !FIRST_START_CREDENTIALS.test(l)).join("\n");
  expect(log.match(BEARER_SECRET) ?? []).toEqual([]);
  expect(log).not.toContain(state.adminToken);
  for (const [user, password] of Object.entries(state.users)) {
    expect(log.includes(password), `${user}'s password appears in the log`).toBe(false);
  }
});
