/**
 * jobs: the training-job path end to end, on a PostgreSQL server.
 *
 * 1. samples/s of one training job through the whole path — POST /api/v1/jobs
 *    (the route handler in this process: auth, zod, dataset lookup, insert) →
 *    a worker process's scheduler places it (GpuAllocation) and sends the
 *    pg-boss run message → the worker claims it (lease), loads the dataset and
 *    trains it in its TF.js thread with a checkpoint per epoch → evaluation,
 *    artifact and final status stored, GPUs freed — timed from the POST until
 *    the job reads succeeded (polled every 100 ms). Baseline: plain `model.fit` in this
 *    process on the same TF.js backend, the same prepared data (train split,
 *    validation data each epoch), the same network, optimizer, batch size and
 *    epochs. ratio = path samples/s ÷ model.fit samples/s (target ≥ 0.9).
 * 2. jobs/hour of a batch of small jobs with two worker processes against one
 *    (target ≥ 1.8); reported as `workerScaling`, beside `fitScaling`: two
 *    plain model.fit processes against one on this machine (its ceiling).
 *
 * Needs a PostgreSQL server: RACKMIND_BENCH_DATABASE_URL, else TEST_DATABASE_URL,
 * else postgresql://postgres@127.0.0.1:5432/postgres (a throwaway database is made).
 * Workers run with RACKMIND_WORKER_CONCURRENCY=1: training is CPU-bound, so a
 * worker per core is how throughput scales.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { resetConfig } from "../lib/config";
import { applyMigrations } from "../lib/database/migrations";
import type { WorkerProcess } from "../tests/support/worker-process";
import { withServerDatabase } from "./server-database";

const ROWS = 12_000;
const FEATURES = 16;
const SPEC = {
  model: { hidden: [64, 32], activation: "relu" },
  optimizer: "adam",
  learningRate: 0.005,
  batchSize: 64,
  seed: 7,
} as const;
const EPOCHS = Number(process.env.RACKMIND_BENCH_JOB_EPOCHS ?? 40);
const BATCH_JOBS = Number(process.env.RACKMIND_BENCH_BATCH_JOBS ?? 8);
const BATCH_EPOCHS = 10;
// Production timings (the worker-process helper's defaults are the tests' short ones).
const WORKER_ENV = {
  RACKMIND_JOB_LEASE_SECONDS: "30",
  RACKMIND_JOB_HEARTBEAT_MS: "1000",
  RACKMIND_SCHEDULER_INTERVAL_MS: "1000",
  RACKMIND_JOB_CLAIM_SECONDS: "60",
};

/** Two noisy Gaussian classes in 16 dimensions, with a nonlinear twist so the MLP has something to learn. */
function datasetCsv(): string {
  // mulberry32: a seeded 32-bit PRNG (integer maths with Math.imul, so no float overflow).
  let s = 12345;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const lines = [[...Array.from({ length: FEATURES }, (_, i) => `f${i}`), "label"].join(",")];
  for (let r = 0; r < ROWS; r++) {
    const x = Array.from({ length: FEATURES }, () => gauss());
    const label = x[0]! * x[1]! + 0.5 * x[2]! - 0.3 * x[3]! * x[3]! > 0 ? "yes" : "no";
    lines.push([...x.map((v) => v.toFixed(5)), label].join(","));
  }
  return lines.join("\n") + "\n";
}

type Lib = Awaited<ReturnType<typeof loadLib>>;

// Imported only after DATABASE_URL names the bench database: lib/db builds its client on import.
async function loadLib() {
  const [route, principal, tokens, datasets, fleet, workerProcess, backend, prepare, trainingData, model, schemas, db] =
    await Promise.all([
      import("../app/api/v1/jobs/route"),
      import("../lib/auth/principal"),
      import("../lib/auth/tokens"),
      import("../lib/datasets/datasets"),
      import("../tests/support/job-fleet"),
      import("../tests/support/worker-process"),
      import("../lib/training/backend/backend"),
      import("../lib/datasets/prepare"),
      import("../lib/training/engine/training-data"),
      import("../lib/training/engine/model"),
      import("../lib/training/schemas"),
      import("../lib/db"),
    ]);
  return {
    route,
    principal,
    tokens,
    datasets,
    fleet,
    workerProcess,
    backend,
    prepare,
    trainingData,
    model,
    schemas,
    db,
  };
}

async function submit(lib: Lib, token: string, body: object): Promise<string> {
  const req = new Request("http://bench/api/v1/jobs", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await lib.route.POST(req);
  if (res.status !== 201) throw new Error(`POST /api/v1/jobs answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

// One query per poll for all pending jobs: the bench must not load the CPU it measures.
async function waitForJobs(lib: Lib, ids: string[], workers: WorkerProcess[]): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const jobs = await lib.db.db.job.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, error: true },
    });
    const bad = jobs.find((j) => j.status === "failed" || j.status === "cancelled");
    if (bad) throw new Error(`job ${bad.id} ${bad.status}: ${bad.error}`);
    if (jobs.every((j) => j.status === "succeeded")) return;
    if (Date.now() > deadline)
      throw new Error(`jobs did not finish:\n${workers.map((w) => w.output().slice(-3000)).join("\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Median of each job's time from POST to claim, and from claim to finished. */
async function phases(lib: Lib, ids: string[]) {
  const jobs = await lib.db.db.job.findMany({ where: { id: { in: ids } } });
  const median = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
  return {
    waitMs: median(jobs.map((j) => j.startedAt!.getTime() - j.createdAt.getTime())),
    runMs: median(jobs.map((j) => j.finishedAt!.getTime() - j.startedAt!.getTime())),
  };
}

/** The baseline: plain model.fit on the same backend, data and network. */
async function plainFit(lib: Lib, datasetVersionId: string, backendName: string) {
  const spec = lib.schemas.TrainingSpec.parse({ ...SPEC, epochs: EPOCHS });
  const cleaned = await lib.datasets.loadCleaned(datasetVersionId);
  const data = lib.trainingData.toTrainingData(
    lib.prepare.prepareTrainingData(cleaned, { seed: spec.seed, split: spec.split }),
  );
  const { tf, report } = await lib.backend.loadTrainingBackend();
  if (report.backend !== backendName)
    throw new Error(`the worker trained on ${backendName}, this process loaded ${report.backend}`);
  const model = lib.model.buildModel(tf, spec, data.inputSize, data.classCount);
  model.compile({ optimizer: tf.train.adam(spec.learningRate), loss: "binaryCrossentropy", metrics: ["accuracy"] });
  const tensors = (split: typeof data.train) =>
    [
      tf.tensor2d(split.x.values, [split.x.rows, split.x.cols]),
      tf.tensor2d(Float32Array.from(split.y), [split.y.length, 1]),
    ] as const;
  const [x, y] = tensors(data.train);
  const [vx, vy] = tensors(data.validation);
  const t0 = performance.now();
  await model.fit(x, y, {
    epochs: spec.epochs,
    batchSize: spec.batchSize,
    shuffle: true,
    validationData: [vx, vy],
    verbose: 0,
  });
  const ms = performance.now() - t0;
  tf.dispose([x, y, vx, vy]);
  model.dispose();
  return { ms, trainRows: data.train.x.rows };
}

/** CPU seconds (user + system, all threads) a process has used, from /proc (Linux). */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

async function timeJobs(lib: Lib, token: string, bodies: object[], workers: WorkerProcess[]) {
  const cpu0 = await Promise.all(workers.map((w) => cpuSeconds(w.proc.pid)));
  const t0 = performance.now();
  const ids: string[] = [];
  for (const body of bodies) ids.push(await submit(lib, token, body));
  await waitForJobs(lib, ids, workers);
  const ms = performance.now() - t0;
  const cpu1 = await Promise.all(workers.map((w) => cpuSeconds(w.proc.pid)));
  // Cores the workers kept busy on average: above 1 per worker, they compete for the machine's cores.
  const workerCores = Math.round((cpu1.reduce((a, c, i) => a + c - cpu0[i]!, 0) / (ms / 1000)) * 100) / 100;
  return { ms, workerCores, ...(await phases(lib, ids)) };
}

/**
 * Runs short jobs until every worker has run one: a worker's first job pays for
 * starting its training thread and compiling TF.js (~2 s of CPU), which must not
 * land in the measured batch of only one of them.
 */
async function warmUp(
  lib: Lib,
  token: string,
  workers: WorkerProcess[],
  job: (epochs: number) => object,
): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const ids: string[] = [];
    for (let i = 0; i < workers.length; i++) ids.push(await submit(lib, token, job(3)));
    await waitForJobs(lib, ids, workers);
    const logs = await lib.db.db.jobLog.findMany({
      where: { message: { startsWith: "started by worker" } },
      select: { message: true },
    });
    if (workers.every((w) => logs.some((l) => l.message.includes(w.owner()!)))) return;
  }
  throw new Error("a worker never took a warm-up job");
}

/** ms of the plain-fit child process; several run at once when `n` > 1. */
async function plainFitProcesses(n: number, rows: number, epochs: number): Promise<number[]> {
  const args = [
    "--conditions=react-server",
    "--import",
    "tsx",
    path.join(import.meta.dirname, "plain-fit-process.ts"),
    String(rows),
    String(FEATURES),
    String(epochs),
    JSON.stringify(SPEC),
  ];
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
          let out = "";
          child.stdout.on("data", (d: Buffer) => (out += d.toString()));
          child.on("exit", (code) =>
            code === 0
              ? resolve(Number(out.trim().split("\n").pop()))
              : reject(new Error(`plain fit exited with ${code}`)),
          );
        }),
    ),
  );
}

/**
 * What a second CPU-bound process gains on this machine at all: one plain fit
 * of a batch job's size, then two at once (best of two tries each). Shared or
 * hyper-threaded cores give less than 2x — the ceiling workerScaling is up against.
 */
async function machineScaling(rows: number): Promise<{ oneMs: number; twoMs: number; scaling: number }> {
  let oneMs = Infinity;
  let twoMs = Infinity;
  for (let i = 0; i < 2; i++) {
    oneMs = Math.min(oneMs, ...(await plainFitProcesses(1, rows, BATCH_EPOCHS)));
    twoMs = Math.min(twoMs, Math.max(...(await plainFitProcesses(2, rows, BATCH_EPOCHS))));
  }
  return { oneMs, twoMs, scaling: Math.round(((2 * oneMs) / twoMs) * 100) / 100 };
}

export async function run() {
  return withServerDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    process.env.RACKMIND_DB_KIND = "postgres";
    resetConfig();
    await applyMigrations(url, path.resolve(import.meta.dirname, "../prisma/migrations"));
    const lib = await loadLib();
    await lib.fleet.buildFleet("bench", [
      {
        name: "r1",
        servers: [
          { hostname: "bench-n1", gpus: 8 },
          { hostname: "bench-n2", gpus: 8 },
        ],
      },
    ]);
    const { token } = await lib.tokens.createApiToken(
      { name: "bench", role: "operator" },
      lib.principal.systemPrincipal,
    );
    const version = await lib.datasets.uploadDataset(
      "bench",
      datasetCsv(),
      { target: "label" },
      lib.principal.systemPrincipal,
    );
    const job = (epochs: number) => ({ type: "train", dataset: "bench", ...SPEC, epochs, gpus: 1 });

    const workers: WorkerProcess[] = [];
    try {
      workers.push(await lib.workerProcess.startWorkerProcess(url, "postgres", WORKER_ENV));
      await warmUp(lib, token, workers, job);

      // Path and baseline alternate, twice, and the faster of each counts: the
      // machine is shared, and a burst of someone else's work should not decide the ratio.
      const pathRuns: number[] = [];
      const fitRuns: number[] = [];
      let trainRows = 0;
      let backendName = "";
      for (let i = 0; i < 2; i++) {
        pathRuns.push((await timeJobs(lib, token, [job(EPOCHS)], workers)).ms);
        backendName ||=
          (await lib.db.db.trainingRun.findFirstOrThrow({ where: { epochs: EPOCHS }, orderBy: { createdAt: "desc" } }))
            .backend ?? "";
        const fit = await plainFit(lib, version.id, backendName);
        fitRuns.push(fit.ms);
        trainRows = fit.trainRows;
      }
      const [pathMs, fitMs] = [Math.min(...pathRuns), Math.min(...fitRuns)];
      const samples = trainRows * EPOCHS;
      const pathRate = samples / (pathMs / 1000);
      const fitRate = samples / (fitMs / 1000);

      const batch = Array.from({ length: BATCH_JOBS }, () => job(BATCH_EPOCHS));
      const one = await timeJobs(lib, token, batch, workers);
      workers.push(await lib.workerProcess.startWorkerProcess(url, "postgres", WORKER_ENV));
      await warmUp(lib, token, workers, job);
      const two = await timeJobs(lib, token, batch, workers);
      const perHour = (ms: number) => Math.round((BATCH_JOBS / (ms / 1000)) * 3600);
      await Promise.all(workers.splice(0).map((w) => w.kill("SIGTERM")));
      const machine = await machineScaling(trainRows);

      return {
        ratio: Math.round((pathRate / fitRate) * 100) / 100,
        samplesPerSec: { jobPath: Math.round(pathRate), modelFit: Math.round(fitRate) },
        jobMs: pathRuns.map(Math.round),
        modelFitMs: fitRuns.map(Math.round),
        backend: backendName,
        trainRows,
        epochs: EPOCHS,
        model: "16-64-32-1 relu/sigmoid, adam, batch 64",
        workerScaling: Math.round((one.ms / two.ms) * 100) / 100,
        // Two plain model.fit processes against one, same network and batch
        // size, nothing else running: this machine's own ceiling for workerScaling.
        fitScaling: machine.scaling,
        fitMs: { one: machine.oneMs, twoAtOnce: machine.twoMs },
        workerScalingOfCeiling: Math.round((one.ms / two.ms / machine.scaling) * 100) / 100,
        // What two workers could reach on this machine if the queue cost nothing: the
        // cores there are, over the cores one worker's training keeps busy (TF.js
        // wasm plus V8's helper threads use more than one).
        cpuBoundScaling: Math.round(Math.min(2, os.availableParallelism() / one.workerCores) * 100) / 100,
        cores: os.availableParallelism(),
        jobsPerHour: { oneWorker: perHour(one.ms), twoWorkers: perHour(two.ms) },
        batch: {
          jobs: BATCH_JOBS,
          epochs: BATCH_EPOCHS,
          oneWorker: { ...one, ms: Math.round(one.ms) },
          twoWorkers: { ...two, ms: Math.round(two.ms) },
        },
      };
    } finally {
      await Promise.all(workers.map((w) => w.kill("SIGTERM")));
      await lib.db.disconnectDb();
    }
  });
}
