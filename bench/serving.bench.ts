/**
 * serving: requests/s and p99 of `POST /api/v1/deployments/{name}/predict` on
 * the serving port (`npm run serve`, its own process) for a small MLP trained
 * through the job path on a real dataset (banknote authentication, 4 features,
 * 4-32-16-1 relu/sigmoid), one instance per request, 50 keep-alive connections
 * from autocannon in a third process. Baseline: a bare node:http server in
 * its own process answering the same predict answer's bytes. ratio = serving
 * req/s ÷ baseline req/s, the median over rounds that each time run both back
 * to back (which goes first alternates); target ≥ 0.5 with p99 ≤ 20 ms.
 * Also reported: the same predict through the web app's port (`next start`,
 * which authenticates and forwards to serving), and the batch sizes serving's
 * micro-batcher ran, read from its /healthz.
 *
 * Needs a PostgreSQL server: RACKMIND_BENCH_DATABASE_URL, else TEST_DATABASE_URL,
 * else postgresql://postgres@127.0.0.1:5432/postgres (a throwaway database is made).
 * RACKMIND_BENCH_SECONDS (10) per round, RACKMIND_BENCH_ROUNDS (5),
 * RACKMIND_BENCH_WEB=0 skips the web port, RACKMIND_BENCH_SERVING_PROFILE=<dir>
 * (RACKMIND_BENCH_WEB_PROFILE=<dir>) writes serving's (the web app's) --cpu-prof there.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { resetConfig } from "../lib/config";
import { applyMigrations } from "../lib/database/migrations";
import { freePort } from "../tests/support/launcher";
import { withServerDatabase } from "./server-database";
import {
  cpuSeconds,
  runLoad,
  startBaselineProcess,
  startServingProcess,
  startWebProcess,
  waitUntil,
  type BenchProcess,
} from "./serving-processes";
import { report, type Round, type Target } from "./serving-report";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.RACKMIND_BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.RACKMIND_BENCH_ROUNDS ?? 5);
const WARMUP_SECONDS = 5;
const WITH_WEB = process.env.RACKMIND_BENCH_WEB !== "0";
const DEPLOYMENT = "bench";
const FEATURES = ["variance", "skewness", "curtosis", "entropy"];
const CSV = readFileSync(
  path.resolve(import.meta.dirname, "../../shared/datasets/banknote_authentication.csv"),
  "utf8",
);

/** Trains the model through the job path, deploys it and makes a predict-scoped token (in this process). */
async function prepareDeployment(): Promise<string> {
  const [{ systemPrincipal }, tokens, datasets, fleet, jobs, deployments, schemas, { disconnectDb }] =
    await Promise.all([
      import("../lib/auth/principal"),
      import("../lib/auth/tokens"),
      import("../lib/datasets/datasets"),
      import("../tests/support/job-fleet"),
      import("../tests/support/job-runs"),
      import("../lib/deployments/deployments"),
      import("../lib/deployments/schemas"),
      import("../lib/db"),
    ]);
  await fleet.buildFleet("bench", [{ name: "r1", servers: [{ hostname: "bench-n1", gpus: 1 }] }]);
  await datasets.uploadDataset("banknote", CSV, { header: false, columns: [...FEATURES, "class"] }, systemPrincipal);
  const rig = await jobs.startJobRig();
  try {
    await rig.run({
      type: "train",
      dataset: "banknote",
      modelName: "notes",
      gpus: 1,
      epochs: 20,
      model: { hidden: [32, 16], activation: "relu" },
    });
  } finally {
    await rig.stop();
  }
  await deployments.createDeployment(
    schemas.CreateDeploymentInput.parse({ name: DEPLOYMENT, model: "notes", version: 1 }),
    systemPrincipal,
  );
  const { token } = await tokens.createApiToken(
    { name: "bench-predict", role: "operator", scope: "predict" },
    systemPrincipal,
  );
  await disconnectDb();
  return token;
}

/** One instance per request, real rows in turn: what an online client sends. */
function requestBodies(): string[] {
  const rows = CSV.trim()
    .split("\n")
    .map((line) => line.split(",").map(Number));
  return rows
    .filter((_, i) => i % 21 === 0)
    .map((r) => JSON.stringify({ instances: [Object.fromEntries(FEATURES.map((f, i) => [f, r[i]]))] }));
}

type Health = {
  backend: string;
  deployments: {
    name: string;
    stable: string;
    engine: { stable: string };
    batchSizes: { stable: Record<string, number> };
  }[];
};
async function health(servingUrl: string): Promise<Health> {
  return (await (await fetch(`${servingUrl}/healthz`)).json()) as Health;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function run() {
  return withServerDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    process.env.RACKMIND_DB_KIND = "postgres";
    resetConfig();
    await applyMigrations(url, path.resolve(import.meta.dirname, "../prisma/migrations"));
    const token = await prepareDeployment();
    const [servingPort, webPort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      DATABASE_URL: url,
      RACKMIND_DB_KIND: "postgres",
      RACKMIND_SERVING_PORT: String(servingPort),
      RACKMIND_INTERNAL_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    };
    const servingUrl = `http://127.0.0.1:${servingPort}`;
    const processes: BenchProcess[] = [];
    try {
      const serving = startServingProcess(env, process.env.RACKMIND_BENCH_SERVING_PROFILE);
      processes.push(serving);
      await waitUntil(serving, "serving loads the deployment", async () =>
        (await health(servingUrl)).deployments.some((d) => d.name === DEPLOYMENT && d.stable === "notes@1"),
      );
      const bodies = requestBodies();
      const predictPath = `/api/v1/deployments/${DEPLOYMENT}/predict`;
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
      const sample = await fetch(`${servingUrl}${predictPath}`, { method: "POST", headers, body: bodies[0] });
      if (sample.status !== 200) throw new Error(`predict answered ${sample.status}: ${await sample.text()}`);
      const answer = await sample.text();
      const baseline = await startBaselineProcess(answer);
      processes.push(baseline);
      let web: BenchProcess | null = null;
      if (WITH_WEB) {
        web = startWebProcess(env, webPort, process.env.RACKMIND_BENCH_WEB_PROFILE);
        processes.push(web);
        await waitUntil(web, "web app answers predict", async () => {
          const res = await fetch(`http://127.0.0.1:${webPort}${predictPath}`, {
            method: "POST",
            headers,
            body: bodies[0],
          });
          return res.status === 200;
        });
      }
      const urls: Record<Target, string> = {
        serving: `${servingUrl}${predictPath}`,
        baseline: `http://127.0.0.1:${baseline.port}${predictPath}`,
        web: `http://127.0.0.1:${webPort}${predictPath}`,
      };
      const pids: Record<Target, number | undefined> = {
        serving: serving.proc.pid,
        baseline: baseline.proc.pid,
        web: web?.proc.pid,
      };

      const rounds: Round[] = [];
      const measure = async (target: Target, warmUp: boolean) => {
        const before = (await health(servingUrl)).deployments[0]!.batchSizes.stable;
        const cpu0 = await cpuSeconds(pids[target]);
        const load = await runLoad({
          url: urls[target],
          connections: CONNECTIONS,
          seconds: warmUp ? WARMUP_SECONDS : SECONDS,
          headers,
          bodies,
        });
        const serverCores = round2(((await cpuSeconds(pids[target])) - cpu0) / load.seconds);
        const after = (await health(servingUrl)).deployments[0]!.batchSizes.stable;
        const batches = Object.fromEntries(
          Object.entries(after)
            .map(([size, n]) => [size, n - (before[size] ?? 0)] as const)
            .filter(([, n]) => n > 0),
        );
        rounds.push({ target, warmUp, load, serverCores, batches });
      };
      // A warm-up round each (a server runs for months; its first requests
      // compile the code they run), reported but not counted; then rounds that
      // run serving and the baseline back to back, alternating which goes
      // first: the machine is shared, and the median round counts.
      const targets: Target[] = WITH_WEB ? ["serving", "baseline", "web"] : ["serving", "baseline"];
      for (const t of targets) await measure(t, true);
      for (let i = 0; i < ROUNDS; i++) {
        const pair: Target[] = i % 2 === 0 ? ["serving", "baseline"] : ["baseline", "serving"];
        for (const t of pair) await measure(t, false);
        if (WITH_WEB) await measure("web", false);
      }
      const h = await health(servingUrl);
      return report(rounds, {
        backend: h.backend,
        engine: h.deployments[0]!.engine.stable,
        answerBytes: answer.length,
        connections: CONNECTIONS,
        secondsPerRound: SECONDS,
      });
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
    }
  });
}
