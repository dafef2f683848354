import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp } from "../../support/launcher";
import { createEmptyDatabase, testDatabaseKind, type TestDatabase } from "../../support/test-database";

// `npm start` end to end, as a real process group over real HTTP: the embedded
// PGlite default on the PGlite pass, a fresh server database on the server pass.
const kind = testDatabaseKind();
const token = "launcher-test-admin-token";
const auth = { authorization: `Bearer ${token}` };
const dataDir = mkdtempSync(path.join(tmpdir(), "rackmind-launch-"));
let serverDb: TestDatabase | undefined;

afterAll(async () => {
  await serverDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function envForKind(): Promise<Record<string, string>> {
  if (kind === "pglite") return { RACKMIND_DATA_DIR: dataDir, RACKMIND_ADMIN_TOKEN: token };
  serverDb ??= await createEmptyDatabase("postgres");
  return { DATABASE_URL: serverDb.url, RACKMIND_ADMIN_TOKEN: token };
}

describe(`npm start on ${kind}`, () => {
  it(
    "migrates, seeds the demo fleet, prints the demo passwords once, and keeps the data across a restart",
    { timeout: 400_000 },
    async () => {
      const env = await envForKind();
      const first = await startApp(env);
      try {
        const health = await (await fetch(`${first.baseUrl}/api/health`)).json();
        expect(health).toMatchObject({ status: "ok", db: { kind, ok: true } });
        expect(first.output()).toMatch(/admin\s+user: admin\s+password: \S+/);
        const servers = await (await fetch(`${first.baseUrl}/api/v1/servers?limit=1000`, { headers: auth })).json();
        expect(servers.items).toHaveLength(62);
        const created = await fetch(`${first.baseUrl}/api/v1/sites`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({ name: "restart-check" }),
        });
        expect(created.status).toBe(201);
      } finally {
        expect(await first.stop()).toBe(0);
      }
      if (kind === "pglite") expect(existsSync(path.join(dataDir, "rackmind.pid"))).toBe(false);

      const second = await startApp(env);
      try {
        expect(second.output()).not.toMatch(/password:/);
        const sites = await (await fetch(`${second.baseUrl}/api/v1/sites`, { headers: auth })).json();
        expect(sites.items.map((s: { name: string }) => s.name).sort()).toEqual(["ams1", "pdx1", "restart-check"]);
      } finally {
        expect(await second.stop()).toBe(0);
      }
    },
  );
});
