import { z } from "zod";

/** Environment, parsed once at the boundary. See ../README.md#configuration. */
const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/[^/]/,
      "DATABASE_URL must be a postgresql:// URL, e.g. postgresql://user@host:5432/rackmind",
    )
    .optional(),
  RACKMIND_DATA_DIR: z.string().min(1).default("./.rackmind"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RACKMIND_SERVING_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  RACKMIND_ADMIN_TOKEN: z.string().min(16, "RACKMIND_ADMIN_TOKEN must be at least 16 characters").optional(),
  RACKMIND_ADMIN_PASSWORD: z.string().min(8, "RACKMIND_ADMIN_PASSWORD must be at least 8 characters").optional(),
  RACKMIND_METRICS_PUBLIC: z.enum(["0", "1"]).default("0"),
  /** Set by the launcher: "pglite" when it serves the embedded database. */
  RACKMIND_DB_KIND: z.enum(["pglite", "postgres"]).optional(),
  /** Largest JSON/CSV request body the API accepts, in bytes. */
  RACKMIND_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /**
   * Telemetry fold batches a worker folds at once when it need not yield to
   * ingest (after a burst, catching up after an outage). Unset: 2 on a
   * PostgreSQL server, 1 on the embedded PGlite (one session: more would queue).
   */
  RACKMIND_FOLD_LANES: z.coerce.number().int().min(1).max(16).optional(),
  /**
   * "0": seed the demo fleet without turning on its simulated telemetry feed
   * (the telemetry setting `demoTelemetry`), so its GPUs never report.
   */
  RACKMIND_DEMO_TELEMETRY: z.enum(["0", "1"]).default("1"),
  /** Session lifetime in hours. */
  RACKMIND_SESSION_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * TF.js backend to try first for training: "tensorflow" (tfjs-node; "node" is
   * accepted too), "wasm" or "cpu". Unset: tfjs-node, else wasm, else cpu.
   */
  TFJS_BACKEND: z
    .enum(["tensorflow", "node", "wasm", "cpu"])
    .transform((b) => (b === "node" ? "tensorflow" : b))
    .optional(),
  /** TF.js backend the serving process predicts with first (same choices as TFJS_BACKEND). Unset: as training. */
  RACKMIND_SERVING_BACKEND: z
    .enum(["tensorflow", "node", "wasm", "cpu"])
    .transform((b) => (b === "node" ? "tensorflow" : b))
    .optional(),
  /**
   * How serving runs a model: "auto" runs the trainer's plain Dense MLPs in
   * plain JS (same outputs to 1e-5, far less per-call overhead) and anything
   * else in TF.js; "tfjs" runs everything in TF.js.
   */
  RACKMIND_SERVING_FORWARD: z.enum(["auto", "tfjs"]).default("auto"),
  /** Most instances in one model call of the serving process's micro-batcher. */
  RACKMIND_SERVING_MAX_BATCH: z.coerce.number().int().min(1).max(4096).default(64),
  /** How long the first request of a batch waits for company, ms. */
  RACKMIND_SERVING_BATCH_WINDOW_MS: z.coerce.number().min(0).max(50).default(1),
  /** A predict whose queue would take longer than this is answered 503 with Retry-After at once, ms. */
  RACKMIND_SERVING_LATENCY_BUDGET_MS: z.coerce.number().int().min(1).max(60_000).default(250),
  /** Predictions logged (inputs and labels, for drift and feedback) per second per serving process; beyond, sampled. */
  RACKMIND_PREDICTION_LOG_PER_SECOND: z.coerce.number().int().min(0).max(100_000).default(500),
  /** Days the prediction log and its feedback are kept. */
  RACKMIND_PREDICTION_LOG_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Set by the launcher: the secret the web app forwards its users' predictions to the serving process with. */
  RACKMIND_INTERNAL_SECRET: z.string().min(32).optional(),
  /**
   * The address people reach the console at: alert notifications link to it
   * (Alertmanager's externalURL, each alert's generatorURL). Unset: http://localhost:PORT.
   */
  RACKMIND_EXTERNAL_URL: z.url({ protocol: /^https?$/ }).optional(),
  NODE_ENV: z.string().optional(),
});
export type Env = z.infer<typeof Env>;

let cached: Env | undefined;

/** Parses process.env on first use. Tests may call resetConfig() after changing env. */
export function getConfig(): Env {
  if (!cached) {
    // Empty strings mean "unset" in shells and CI files.
    const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
    cached = Env.parse(raw);
  }
  return cached;
}

export function resetConfig(): void {
  cached = undefined;
}
