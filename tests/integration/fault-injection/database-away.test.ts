import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { faultsFull, waitFor } from "../../support/faults";
import { startApp, type RunningApp } from "../../support/launcher";
import { encodeWriteRequest } from "../../support/remote-write";
import { privateServerSkipReason, startPrivatePostgres, type PrivatePostgres } from "../../support/private-postgres";
import { testDatabaseKind } from "../../support/test-database";

// Fault injection (issue 19) against `npm start` on a PostgreSQL server of the
// test's own, which it restarts and stops:
//  - restarted while a client pushes telemetry: the client retries every
//    batch the API refused (503 + Retry-After, never a 500) and not one sample
//    is lost or counted twice;
//  - away for 30 s (8 s in the fast variant): /api/health says so (503,
//    db.ok false) while web, worker and serving keep running; when it is back,
//    all three recover without a restart, and health shows the workers beating
//    and serving reading deployments again; a training job then runs. A
//    Prometheus remote-write meanwhile gets 503 + Retry-After (which Prometheus
//    retries), and the same request is stored once the database is back.
// It runs once per `npm test`, under the PGlite project (its database is its own).
const why = privateServerSkipReason(testDatabaseKind());
const DOWN_MS = faultsFull ? 30_000 : 8_000;
const BATCHES = faultsFull ? 300 : 80;
const HOST = "ams1-r01-n03";
const token = "faults-admin-token";
const auth = { authorization: `Bearer ${token}` };

let server: PrivatePostgres | undefined;
let app: RunningApp | undefined;
afterAll(async () => {
  // A launcher that already exited (the test failed) has nothing to stop.
  await app?.stop().catch(() => undefined);
  server?.destroy();
});

type Pushed = { status: number | "network"; retries: number };

/** A push client as a careful operator writes one: retries refusals and network errors, honouring Retry-After (capped for the test). */
async function pushWithRetry(url: string, body: string): Promise<Pushed> {
  let retries = 0;
  const deadline = Date.now() + 120_000;
  for (;;) {
    let status: number | "network";
    let retryAfterMs = 200;
    try {
      const res = await fetch(url, { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body });
      status = res.status;
      await res.arrayBuffer();
      if (res.ok) return { status, retries };
      expect(status, "a refused batch is a retryable 503, not a 500").toBe(503);
      retryAfterMs = Math.min(Number(res.headers.get("retry-after") ?? "1") * 1000, 1000);
    } catch {
      status = "network";
    }
    retries++;
    if (Date.now() > deadline) throw new Error(`batch not accepted within 120 s (last: ${status})`);
    await new Promise((r) => setTimeout(r, retryAfterMs));
  }
}

async function health(): Promise<{ code: number; body: Record<string, unknown> } | null> {
  try {
    const res = await fetch(`${app!.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
    return { code: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return null;
  }
}

describe.skipIf(why !== null)(
  `fault: the PostgreSQL server restarts and goes away${why ? ` (skipped: ${why})` : ""}`,
  () => {
    it(
      "loses no pushed sample across a restart, and web, worker and serving recover from an outage without a restart",
      { timeout: faultsFull ? 900_000 : 600_000 },
      async () => {
        server = await startPrivatePostgres();
        const url = await server.createDatabase("rackmind_faults");
        app = await startApp({ DATABASE_URL: url, RACKMIND_ADMIN_TOKEN: token });
        const a = app;
        const db = new pg.Pool({ connectionString: url, max: 2 });
        db.on("error", () => undefined);
        try {
          const gpus = (
            (await (await fetch(`${a.baseUrl}/api/v1/gpus?hostname=${HOST}`, { headers: auth })).json()) as {
              items: { uuid: string; index: number }[];
            }
          ).items;
          expect(gpus.length).toBeGreaterThan(0);

          // 1. Restart during ingest. Each batch has its own instant (?at=), so a retried batch is the same batch.
          const t0 = Date.now() - 3_600_000;
          const results: Pushed[] = [];
          let restart: Promise<void> | undefined;
          for (let i = 0; i < BATCHES; i++) {
            // Restart in the background while the client keeps pushing.
            if (i === 10) restart = server.restart();
            const page = gpus
              .map((g) => `DCGM_FI_DEV_POWER_USAGE{gpu="${g.index}",UUID="${g.uuid}",Hostname="${HOST}"} ${100 + i}`)
              .join("\n");
            const at = new Date(t0 + i * 1000).toISOString();
            results.push(await pushWithRetry(`${a.baseUrl}/api/v1/telemetry/dcgm?at=${at}`, `${page}\n`));
          }
          await restart;
          const retried = results.reduce((n, r) => n + r.retries, 0);
          expect(retried, "the restart was felt by the client (some batch was retried)").toBeGreaterThan(0);
          const samples = await waitFor(
            "every sample stored",
            async () => {
              const { rows } = await db.query<{ n: number; folded: number }>(
                `SELECT (SELECT count(*)::int FROM "GpuSample" s JOIN "Gpu" g ON g.id = s."gpuId"
                        JOIN "TelemetryField" f ON f.id = s."fieldId"
                       WHERE g.uuid = ANY($1) AND f.name = 'DCGM_FI_DEV_POWER_USAGE' AND s.at >= $2 AND s.at < $3) AS n,
                      (SELECT coalesce(sum(r.count), 0)::int FROM "GpuRollup1m" r JOIN "Gpu" g ON g.id = r."gpuId"
                        JOIN "TelemetryField" f ON f.id = r."fieldId"
                       WHERE g.uuid = ANY($1) AND f.name = 'DCGM_FI_DEV_POWER_USAGE' AND r.bucket >= date_trunc('minute', $2::timestamptz) AND r.bucket < $3) AS folded`,
                [gpus.map((g) => g.uuid), new Date(t0), new Date(t0 + BATCHES * 1000)],
              );
              const row = rows[0]!;
              return row.folded === BATCHES * gpus.length ? row : null;
            },
            60_000,
          );
          // Every sample once: none lost, none stored or folded twice by a retry.
          expect(samples).toEqual({ n: BATCHES * gpus.length, folded: BATCHES * gpus.length });

          // 2. The database away.
          const before = (await (await fetch(`${a.servingUrl}/healthz`)).json()) as { pid: number };
          await server.stop();
          const downAt = Date.now();
          const seen: number[] = [];
          while (Date.now() - downAt < DOWN_MS) {
            const h = await health();
            expect(h, "the web process answers /api/health while the database is away").not.toBeNull();
            seen.push(h!.code);
            if (Date.now() - downAt > 3000) {
              expect(h!.code).toBe(503);
              expect(h!.body).toMatchObject({ status: "degraded", db: { ok: false }, workers: null });
            }
            // Serving answers from memory while the database is away.
            const s = await fetch(`${a.servingUrl}/healthz`);
            expect(s.status).toBe(200);
            await new Promise((r) => setTimeout(r, 500));
          }
          expect(seen).toContain(503);
          // Still away: remote-write is refused the way Prometheus retries (5xx), never a 4xx that drops the batch.
          const remoteWriteAt = Date.now() - 60_000;
          const remoteWrite = () =>
            fetch(`${a.baseUrl}/api/v1/telemetry/remote-write`, {
              method: "POST",
              headers: { ...auth, "content-type": "application/x-protobuf", "content-encoding": "snappy" },
              body: encodeWriteRequest(
                gpus.map((g) => ({
                  labels: { __name__: "DCGM_FI_DEV_MEM_CLOCK", UUID: g.uuid, Hostname: HOST, gpu: String(g.index) },
                  samples: [[1593, remoteWriteAt]],
                })),
              ) as unknown as BodyInit,
            });
          const refused = await remoteWrite();
          expect(refused.status).toBe(503);
          expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
          expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unavailable");
          await server.start();
          const backAt = new Date();
          const recovered = await waitFor(
            "health to show the database, a worker and serving back",
            async () => {
              const h = await health();
              if (!h || h.code !== 200) return null;
              const body = h.body as {
                workers: { alive: number; newestBeatAt: string | null } | null;
                serving: { ok: boolean; syncedAt: string | null };
              };
              const workerBack =
                body.workers && body.workers.alive > 0 && body.workers.newestBeatAt! >= backAt.toISOString();
              const servingBack = body.serving.ok && body.serving.syncedAt! >= backAt.toISOString();
              return workerBack && servingBack ? body : null;
            },
            90_000,
            () => a.output().slice(-4000),
          );
          expect(recovered).toMatchObject({ status: "ok", db: { ok: true } });
          // The same processes: nothing was restarted to recover.
          const after = (await (await fetch(`${a.servingUrl}/healthz`)).json()) as { pid: number };
          expect(after.pid).toBe(before.pid);
          expect(a.output()).not.toMatch(/exited unexpectedly/);
          // Prometheus's retry of the refused remote-write request.
          expect((await remoteWrite()).status).toBe(204);
          const { rows: clocks } = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "GpuSample" s JOIN "TelemetryField" f ON f.id = s."fieldId"
              WHERE f.name = 'DCGM_FI_DEV_MEM_CLOCK' AND s.at = $1`,
            [new Date(remoteWriteAt)],
          );
          expect(clocks[0]!.n).toBe(gpus.length);

          // The worker works: a job placed on the host's GPUs (reporting now) trains to the end.
          const now = gpus
            .map((g) => `DCGM_FI_DEV_GPU_TEMP{gpu="${g.index}",UUID="${g.uuid}",Hostname="${HOST}"} 40`)
            .join("\n");
          expect((await pushWithRetry(`${a.baseUrl}/api/v1/telemetry/dcgm`, `${now}\n`)).status).toBe(200);
          const job = (await (
            await fetch(`${a.baseUrl}/api/v1/jobs`, {
              method: "POST",
              headers: { ...auth, "content-type": "application/json" },
              body: JSON.stringify({ type: "train", template: "xor-adam", epochs: 30, gpus: 1 }),
            })
          ).json()) as { id: string };
          await waitFor(
            "the job to succeed after the outage",
            async () => {
              const j = (await (await fetch(`${a.baseUrl}/api/v1/jobs/${job.id}`, { headers: auth })).json()) as {
                status: string;
                error: string | null;
              };
              if (j.status === "failed") throw new Error(`the job failed: ${j.error}`);
              return j.status === "succeeded";
            },
            180_000,
            () => a.output().slice(-4000),
          );
        } finally {
          await db.end();
        }
      },
    );
  },
);
