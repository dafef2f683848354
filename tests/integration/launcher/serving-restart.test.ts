import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp } from "../../support/launcher";
import { createEmptyDatabase, testDatabaseKind, type TestDatabase } from "../../support/test-database";

// The serving process under `npm start`: a model trained by the worker is
// deployed, predicted through the web port (which forwards to serving),
// and when serving is killed with SIGKILL the launcher starts it again;
// feedback acknowledged before and during the outage is all there.
const kind = testDatabaseKind();
const token = "serving-restart-admin-token";
const json = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const dataDir = mkdtempSync(path.join(tmpdir(), "rackmind-serving-"));
let serverDb: TestDatabase | undefined;

afterAll(async () => {
  await serverDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe(`the serving process under npm start on ${kind}`, () => {
  it(
    "answers predictions for a deployed model, is restarted after SIGKILL, and loses no acknowledged feedback",
    { timeout: 600_000 },
    async () => {
      const env =
        kind === "pglite"
          ? { RACKMIND_DATA_DIR: dataDir, RACKMIND_ADMIN_TOKEN: token }
          : { DATABASE_URL: (serverDb ??= await createEmptyDatabase("postgres")).url, RACKMIND_ADMIN_TOKEN: token };
      const app = await startApp(env);
      try {
        const post = (p: string, body: unknown) =>
          fetch(`${app.baseUrl}${p}`, { method: "POST", headers: json, body: JSON.stringify(body) });
        const job = await (
          await post("/api/v1/jobs", { type: "train", template: "xor-adam", gpus: 1, modelName: "launch-xor" })
        ).json();
        await until("the job to succeed", async () => {
          const j = await (await fetch(`${app.baseUrl}/api/v1/jobs/${job.id}`, { headers: json })).json();
          if (j.status === "failed") throw new Error(j.error);
          return j.status === "succeeded" && j.modelVersion ? j : null;
        });
        expect((await post("/api/v1/deployments", { name: "launch", model: "launch-xor", version: 1 })).status).toBe(
          201,
        );
        const predictOnce = async () => {
          const res = await post("/api/v1/deployments/launch/predict", { instances: [[0, 1]] });
          return res.status === 200
            ? ((await res.json()) as { requestId: string; predictions: { label: string }[] })
            : null;
        };
        const first = await until("serving to pick the deployment up", predictOnce, 30_000);
        const second = (await predictOnce())!;
        expect(second.predictions[0]!.label).toBe("1");
        expect(
          (await post("/api/v1/deployments/launch/feedback", { requestId: first.requestId, label: "1" })).status,
        ).toBe(200);
        await new Promise((r) => setTimeout(r, 2000)); // the prediction log is written every second

        const before = await (await fetch(`${app.servingUrl}/healthz`)).json();
        process.kill(before.pid, "SIGKILL");
        // Feedback goes to the web app and its database: serving being down does not matter.
        expect(
          (await post("/api/v1/deployments/launch/feedback", { requestId: second.requestId, label: "0" })).status,
        ).toBe(200);
        const after = await until("serving to be restarted", async () => {
          const h = await (await fetch(`${app.servingUrl}/healthz`)).json();
          return h.pid !== before.pid && h.deployments.some((d: { name: string }) => d.name === "launch") ? h : null;
        });
        expect(after.status).toBe("ok");
        expect(app.output()).toMatch(/serving exited unexpectedly; restarting it/);
        expect(await until("predictions again", predictOnce, 30_000)).toBeTruthy();
        const metrics = await (
          await fetch(`${app.baseUrl}/api/v1/deployments/launch/metrics`, { headers: json })
        ).json();
        expect(metrics.accuracy).toMatchObject({ labelled: 2, correct: 1, unmatched: 0 });
      } finally {
        expect(await app.stop()).toBe(0);
      }
    },
  );
});
