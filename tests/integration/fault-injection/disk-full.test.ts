import { closeSync, fstatSync, ftruncateSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../support/launcher";
import { privateServerSkipReason, startPrivatePostgres, type PrivatePostgres } from "../../support/private-postgres";
import { testDatabaseKind } from "../../support/test-database";

// Fault injection (issue 19): the database's data disk fills up (a tmpfs of
// 96 MiB under a server of the test's own, filled by the test). A dataset
// upload then answers 507 with words a person can act on, writes nothing
// (no dataset, no version, no audit row), and the rest of the console keeps
// working; once space is freed, the same upload succeeds. Needs root to mount
// the tmpfs; runs once per `npm test`, under the PGlite project.
const why = privateServerSkipReason(testDatabaseKind(), { tmpfs: true });
const token = "disk-full-admin-token";
const auth = { authorization: `Bearer ${token}` };

let server: PrivatePostgres | undefined;
let app: RunningApp | undefined;
afterAll(async () => {
  await app?.stop().catch(() => undefined);
  server?.destroy();
});

/** A CSV of `rows` rows of two numeric features and a class: about 40 bytes a row. */
function csv(rows: number, seed: number): string {
  const lines = ["sepal,petal,species"];
  for (let i = 0; i < rows; i++)
    lines.push(`${(i * 7 + seed) % 1000}.${i % 97},${(i * 13) % 500}.${seed % 89},c${i % 3}`);
  return `${lines.join("\n")}\n`;
}

describe.skipIf(why !== null)(`fault: the database's disk is full${why ? ` (skipped: ${why})` : ""}`, () => {
  it(
    "answers an upload 507 with nothing written, keeps serving reads, and takes the upload once space is freed",
    { timeout: 600_000 },
    async () => {
      server = await startPrivatePostgres({ dataDiskMiB: 96 });
      const url = await server.createDatabase("rackmind_disk");
      app = await startApp({ DATABASE_URL: url, RACKMIND_ADMIN_TOKEN: token });
      const a = app;
      const counts = async () => {
        const res = await fetch(`${a.baseUrl}/api/v1/datasets?limit=100`, { headers: auth });
        expect(res.status).toBe(200);
        const audit = await fetch(`${a.baseUrl}/api/v1/audit?action=dataset.upload&limit=100`, { headers: auth });
        expect(audit.status).toBe(200);
        return {
          datasets: ((await res.json()) as { items: unknown[] }).items.length,
          uploads: ((await audit.json()) as { items: unknown[] }).items.length,
        };
      };
      const upload = (name: string, body: string) =>
        fetch(`${a.baseUrl}/api/v1/datasets?name=${name}&target=species`, {
          method: "POST",
          headers: { ...auth, "content-type": "text/csv" },
          body,
        });
      const before = await counts();

      // Fill the data disk to the last byte (the worker writes to it meanwhile), then leave a
      // little room: less than the upload needs.
      const filler = path.join(server.dataMount!, "filler.bin");
      const fd = openSync(filler, "w");
      const chunk = Buffer.alloc(1 << 20);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
      }
      ftruncateSync(fd, Math.max(0, fstatSync(fd).size - 256 * 1024));
      closeSync(fd);
      const body = csv(120_000, 1);
      const refused = await upload("iris-big", body);
      const answer = (await refused.json()) as { error: { code: string; message: string } };
      expect(refused.status, JSON.stringify(answer)).toBe(507);
      expect(answer.error.code).toBe("insufficient_storage");
      expect(answer.error.message).toMatch(/out of disk space.*nothing was written/);
      // Nothing half-written, and reads still work.
      expect(await counts()).toEqual(before);
      expect((await fetch(`${a.baseUrl}/api/health`)).status).toBe(200);

      rmSync(filler);
      const accepted = await upload("iris-big", body);
      expect(accepted.status, await accepted.clone().text()).toBe(201);
      expect(await counts()).toEqual({ datasets: before.datasets + 1, uploads: before.uploads + 1 });
      expect(a.output()).not.toMatch(/exited unexpectedly/);
    },
  );
});
