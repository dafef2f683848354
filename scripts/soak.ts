/**
 * `npm run soak [-- --minutes 10 --users 50 --predict-rps 20]`: runs `npm start`
 * (a fresh embedded database, or DATABASE_URL) under a steady mixed load for
 * the given minutes — the demo fleet's dcgm page pushed at 10× its rate, 50
 * signed-in dashboard users reading the overview, and predictions against a
 * trained, deployed model — and prints one JSON line: the resident memory
 * growth of each process (target < 10 %), p95 of overview pages and
 * predictions, errors (target 0) and the fold backlog left at the end. Exits
 * non-zero when a target is missed.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { renderDemoFleetPage } from "../lib/demo/simulator";
import { startSoakApp } from "./soak/app";
import { Recorder } from "./soak/latencies";
import { rssByRole, type Role } from "./soak/processes";

const Options = z.object({
  minutes: z.coerce
    .number()
    .min(0.5)
    .max(24 * 60)
    .default(10),
  users: z.coerce.number().int().min(1).max(500).default(50),
  predictRps: z.coerce.number().min(0).max(2000).default(20),
});
const { values } = parseArgs({
  options: { minutes: { type: "string" }, users: { type: "string" }, "predict-rps": { type: "string" } },
});
const parsed = Options.safeParse({ minutes: values.minutes, users: values.users, predictRps: values["predict-rps"] });
if (!parsed.success) {
  process.stderr.write(
    `invalid options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`,
  );
  process.exit(2);
}
const opts = parsed.data;
const say = (line: string) => process.stderr.write(`${line}\n`);

// The demo feed's own rate is one fleet page per 15 s; the soak pushes one every 1.5 s.
const DEMO_FEED_MS = 15_000;
const INGEST_EVERY_MS = DEMO_FEED_MS / 10;
const RSS_EVERY_MS = 10_000;

const token = randomBytes(24).toString("hex");
const app = await startSoakApp({ RACKMIND_ADMIN_TOKEN: token });
say(`npm start is up at ${app.baseUrl} (serving ${app.servingUrl})`);
const auth = { authorization: `Bearer ${token}` };
const json = { ...auth, "content-type": "application/json" };

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${app.baseUrl}${path}`, { ...init, headers: { ...json, ...init.headers } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const stopAt = { value: 0 };
try {
  // Telemetry now, so the scheduler has fresh GPUs and the overview has figures.
  const push = (atMs: number) =>
    fetch(`${app.baseUrl}/api/v1/telemetry/dcgm?at=${new Date(atMs).toISOString()}`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: renderDemoFleetPage(atMs),
    });
  await push(Date.now());

  // A model to predict with: trained by the worker, deployed, served.
  say("training and deploying a model for the predict traffic…");
  const job = await api<{ id: string }>("/api/v1/jobs", {
    method: "POST",
    body: JSON.stringify({ type: "train", template: "xor-adam", epochs: 60, gpus: 1, modelName: "soak-xor" }),
  });
  await until(
    "the soak model to train",
    async () => {
      const j = await api<{ status: string; error: string | null }>(`/api/v1/jobs/${job.id}`);
      if (j.status === "failed") throw new Error(`training failed: ${j.error}`);
      return j.status === "succeeded" ? j : null;
    },
    300_000,
  );
  await api("/api/v1/deployments", {
    method: "POST",
    body: JSON.stringify({ name: "soak", model: "soak-xor", version: 1 }),
  });
  const predictUrl = `${app.servingUrl}/api/v1/deployments/soak/predict`;
  const predictBody = JSON.stringify({ instances: [[0, 1]] });
  await until(
    "serving to pick the deployment up",
    async () => (await fetch(predictUrl, { method: "POST", headers: json, body: predictBody })).ok || null,
    60_000,
  );

  // Dashboard users: each its own viewer account and session.
  const password = randomBytes(12).toString("base64url");
  const cookies: string[] = [];
  for (let i = 0; i < opts.users; i++) {
    const name = `soak-user-${i}`;
    await api("/api/v1/users", { method: "POST", body: JSON.stringify({ name, password, role: "viewer" }) });
    const res = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, password }),
    });
    if (!res.ok) throw new Error(`sign-in of ${name}: ${res.status}`);
    cookies.push(
      res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
    );
  }

  const ingest = new Recorder();
  const overview = new Recorder();
  const predict = new Recorder();
  const rss: { atMs: number; byRole: Partial<Record<Role, number>> }[] = [];
  const startedMs = Date.now();
  stopAt.value = startedMs + opts.minutes * 60_000;
  const running = () => Date.now() < stopAt.value;
  say(
    `soaking for ${opts.minutes} min: ${opts.users} users, ${opts.predictRps} predictions/s, a fleet page every ${INGEST_EVERY_MS} ms`,
  );

  const timed = async (
    rec: Recorder,
    call: () => Promise<Response>,
    check: (res: Response, body: string) => boolean,
  ) => {
    const t0 = performance.now();
    try {
      const res = await call();
      const body = await res.text();
      rec.record(t0, check(res, body), `${res.status} ${body.slice(0, 200)}`);
    } catch (err) {
      rec.record(t0, false, (err as Error).message);
    }
  };

  const ingestLoop = (async () => {
    let atMs = Math.floor(Date.now() / INGEST_EVERY_MS) * INGEST_EVERY_MS;
    while (running()) {
      atMs += INGEST_EVERY_MS;
      await timed(
        ingest,
        () => push(atMs),
        (res) => res.ok,
      );
      await new Promise((r) => setTimeout(r, Math.max(0, atMs + INGEST_EVERY_MS - Date.now())));
    }
  })();
  // A user reads the overview, then thinks for 1–3 s.
  const userLoops = cookies.map(async (cookie, i) => {
    await new Promise((r) => setTimeout(r, (i * 3000) / cookies.length));
    while (running()) {
      await timed(
        overview,
        () => fetch(`${app.baseUrl}/overview`, { headers: { cookie } }),
        (res, body) => res.ok && body.includes('data-testid="panel-alerts"'),
      );
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
    }
  });
  const predictLoop = (async () => {
    if (opts.predictRps === 0) return;
    const everyMs = 1000 / opts.predictRps;
    const inFlight = new Set<Promise<void>>();
    for (let next = performance.now(); running(); next += everyMs) {
      const p = timed(
        predict,
        () => fetch(predictUrl, { method: "POST", headers: json, body: predictBody }),
        (res) => res.ok,
      ).finally(() => inFlight.delete(p));
      inFlight.add(p);
      await new Promise((r) => setTimeout(r, Math.max(0, next + everyMs - performance.now())));
    }
    await Promise.all(inFlight);
  })();
  const rssLoop = (async () => {
    while (running()) {
      rss.push({ atMs: Date.now() - startedMs, byRole: rssByRole(app.pid) });
      await new Promise((r) => setTimeout(r, RSS_EVERY_MS));
    }
    rss.push({ atMs: Date.now() - startedMs, byRole: rssByRole(app.pid) });
  })();
  await Promise.all([ingestLoop, ...userLoops, predictLoop, rssLoop]);

  // Memory after warm-up (20–30 % into the run) against the last 10 %.
  const durationMs = opts.minutes * 60_000;
  const mean = (from: number, to: number, role: Role) => {
    const xs = rss.filter((s) => s.atMs >= from && s.atMs <= to && s.byRole[role] !== undefined);
    return xs.length ? xs.reduce((a, s) => a + s.byRole[role]!, 0) / xs.length : null;
  };
  const memory: Record<string, { warmMiB: number | null; endMiB: number | null; growthPct: number | null }> = {};
  // The launcher holds the embedded database (PGlite) when no DATABASE_URL is given.
  for (const role of ["launcher", "web", "worker", "serving"] as const) {
    const warm = mean(durationMs * 0.2, durationMs * 0.3, role);
    const end = mean(durationMs * 0.9, durationMs * 1.1, role);
    memory[role] = {
      warmMiB: warm === null ? null : Math.round(warm),
      endMiB: end === null ? null : Math.round(end),
      growthPct: warm && end ? Math.round((end / warm - 1) * 1000) / 10 : null,
    };
  }
  await new Promise((r) => setTimeout(r, 5000));
  const metrics = await (await fetch(`${app.baseUrl}/api/metrics`, { headers: auth })).text();
  const backlog = Number(/^rackmind_telemetry_fold_backlog_samples\s+(\S+)/m.exec(metrics)?.[1] ?? NaN);

  const errors = ingest.errors + overview.errors + predict.errors;
  const growthOk = Object.entries(memory).every(
    ([role, m]) => (m.growthPct !== null && m.growthPct < 10) || (role === "launcher" && m.warmMiB === null),
  );
  const result = {
    bench: "soak",
    minutes: opts.minutes,
    users: opts.users,
    predictRps: opts.predictRps,
    ingest: { pages: ingest.ok, everyMs: INGEST_EVERY_MS, p95Ms: ingest.percentile(95), errors: ingest.errors },
    overview: { requests: overview.ok + overview.errors, p95Ms: overview.percentile(95), errors: overview.errors },
    predict: { requests: predict.ok + predict.errors, p95Ms: predict.percentile(95), errors: predict.errors },
    rss: memory,
    foldBacklogSamples: Number.isNaN(backlog) ? null : backlog,
    errors,
    meetsTarget: errors === 0 && growthOk,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  for (const [name, rec] of [
    ["ingest", ingest],
    ["overview", overview],
    ["predict", predict],
  ] as const)
    for (const e of rec.lastErrors) say(`${name} error: ${e}`);
  process.exitCode = result.meetsTarget ? 0 : 1;
} catch (err) {
  say(`soak failed: ${(err as Error).message}\n${app.output().slice(-3000)}`);
  process.exitCode = 1;
} finally {
  await app.stop();
}
