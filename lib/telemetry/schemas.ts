import { z } from "zod";
import { partialUpdate } from "../partial-update";

export const DcgmPushQuery = z.object({
  at: z.iso.datetime({ offset: true }).optional().meta({
    description:
      "when the page was taken; stamps samples without their own timestamp, so a retried push stores nothing twice",
  }),
});

export const IngestResultOut = z
  .object({
    accepted: z.number().int(),
    rejected: z.number().int(),
    unknownGpus: z.number().int(),
    stored: z.number().int(),
    duplicates: z.number().int(),
    queuedForFold: z.number().int().meta({
      description:
        "new samples whose rollups, latest values and health the worker folds in within seconds (0 when the request folded them itself)",
    }),
    rejections: z
      .array(z.object({ line: z.number().int(), reason: z.string() }))
      .meta({ description: "the first 50 rejected lines" }),
  })
  .meta({ id: "IngestResult" });

export const SeriesQuery = z
  .object({
    metric: z.string().regex(/^[A-Za-z_:][A-Za-z0-9_:]*$/, "a dcgm field name such as DCGM_FI_DEV_GPU_TEMP"),
    from: z.iso.datetime({ offset: true }).optional().meta({ description: "default: `to` minus 1 hour" }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "default: now" }),
    step: z.coerce.number().int().min(1).max(86_400).optional().meta({
      description:
        "seconds per point; default: range / 300, rounded up to whole minutes from a minute on and whole hours from half an hour on (so it lands on a rollup)",
    }),
    source: z.enum(["rackmind", "prometheus"]).optional().meta({
      description:
        "`rackmind` (default): Rackmind's own samples and rollups; `prometheus`: the raw samples in the Prometheus-compatible server of the `prometheusUrl` setting, over its HTTP API",
    }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: "from must be before to",
    path: ["from"],
  });
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const SeriesOut = z
  .object({
    metric: z.string(),
    from: z.string(),
    to: z.string(),
    step: z.number().int(),
    source: z.enum(["raw", "1m", "1h", "prometheus"]).meta({
      description: "the table the points were computed from, or `prometheus` when read from the operators' Prometheus",
    }),
    points: z
      .array(z.tuple([z.string(), z.number()]))
      .meta({ description: "[time, average] per step; steps without data are left out" }),
    min: z.array(z.tuple([z.string(), z.number()])),
    max: z.array(z.tuple([z.string(), z.number()])),
  })
  .meta({ id: "GpuSeries" });
export type SeriesOut = z.infer<typeof SeriesOut>;

export const CreateTargetInput = z
  .object({
    url: z.url({ protocol: /^https?$/, error: "an http(s) URL such as http://node-17:9400/metrics" }),
    intervalSeconds: z.number().int().min(5).max(3600).default(30),
    enabled: z.boolean().default(true),
  })
  .meta({ id: "CreateScrapeTargetInput" });
export type CreateTargetInput = z.infer<typeof CreateTargetInput>;

export const UpdateTargetInput = z
  .object({ intervalSeconds: z.number().int().min(5).max(3600), enabled: z.boolean() })
  .partial()
  .meta({ id: "UpdateScrapeTargetInput" });
export type UpdateTargetInput = z.infer<typeof UpdateTargetInput>;

export const TargetOut = z
  .object({
    id: z.string(),
    url: z.string(),
    intervalSeconds: z.number().int(),
    enabled: z.boolean(),
    nextScrapeAt: z.string(),
    lastScrapeAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastSamples: z.number().int().nullable(),
    lastDurationMs: z.number().int().nullable(),
    consecutiveFailures: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "ScrapeTarget" });
export type TargetOut = z.infer<typeof TargetOut>;

/**
 * A Prometheus-compatible server's base URL (Prometheus, Mimir's /prometheus,
 * VictoriaMetrics): http(s) only, and without credentials, a query or a
 * fragment — the settings are readable by every viewer, and Rackmind appends
 * /api/v1/query_range itself.
 */
export const PrometheusUrl = z
  .url({ protocol: /^https?$/, error: "an http(s) URL such as http://prometheus:9090" })
  .max(2048)
  .refine((u) => {
    const url = new URL(u);
    return !url.username && !url.password && !url.search && !url.hash;
  }, "a base URL without credentials, query or fragment, such as http://prometheus:9090");

/** Telemetry settings an operator can change (PUT /api/v1/telemetry/settings). */
export const TelemetrySettings = z
  .object({
    rawRetentionDays: z.number().int().min(1).max(90).default(7),
    rollup1mRetentionDays: z.number().int().min(1).max(400).default(35),
    rollup1hRetentionDays: z.number().int().min(1).max(3650).default(400),
    /** GPU temperature above which a GPU is degraded, °C. */
    degradedTempC: z.number().min(40).max(120).default(87),
    /** How long power-cap throttling must last before a GPU is degraded, minutes. */
    throttleSustainMinutes: z.number().int().min(1).max(120).default(5),
    /** Register GPUs that report in from a known server but are not in the inventory. */
    autoRegisterGpus: z.boolean().default(false),
    /**
     * A GPU with no sample for longer than this is stale: shown as "no data"
     * beside its last known health, and not placed by the scheduler. Five
     * minutes is ten missed scrapes at dcgm-exporter's usual 30 s.
     */
    staleAfterMinutes: z.number().int().min(1).max(1440).default(5),
    /** Let the scheduler place jobs on healthy GPUs that are stale or never reported (a fleet without telemetry). */
    placeOnStaleGpus: z.boolean().default(false),
    /** The worker feeds simulated dcgm pages for the demo fleet (the seed turns it on; real fleets leave it off). */
    demoTelemetry: z.boolean().default(false),
    /**
     * Where `GET /api/v1/gpus/{uuid}/series?source=prometheus` reads raw
     * samples; null: not set. Only an admin may change it: it is an address
     * Rackmind fetches from, like the scrape networks (and fetched under them).
     */
    prometheusUrl: PrometheusUrl.nullable().default(null),
  })
  .meta({ id: "TelemetrySettings" });
export type TelemetrySettings = z.infer<typeof TelemetrySettings>;

/** The fields sent, and only those (an operator's PUT without prometheusUrl must not unset the admin's URL). */
export const UpdateTelemetrySettings = partialUpdate(TelemetrySettings).meta({ id: "UpdateTelemetrySettings" });
