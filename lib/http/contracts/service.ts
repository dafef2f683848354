import { z } from "zod";
import { getConfig } from "../../config";
import { defineContract } from "../contract";

// The service's own endpoints under /api: health, Prometheus metrics, this description.

const ServiceHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    db: z.object({
      kind: z.enum(["pglite", "postgres"]),
      ok: z.boolean(),
      latencyMs: z.number().nullable(),
      error: z.string().optional().meta({ description: "why the database did not answer" }),
    }),
    workers: z
      .object({
        alive: z.number().int().meta({ description: "worker processes that reported within the last 20 s" }),
        newestBeatAt: z.string().nullable(),
      })
      .nullable()
      .meta({ description: "null while the database does not answer" }),
    serving: z
      .object({
        ok: z.boolean(),
        syncedAt: z.string().nullable().meta({ description: "when it last read the deployments from the database" }),
        error: z.string().optional(),
      })
      .meta({ description: "the serving process on this host (RACKMIND_SERVING_PORT)" }),
    tf: z.object({
      backend: z
        .enum(["tensorflow", "wasm", "cpu"])
        .nullable()
        .meta({ description: "the TF.js backend training uses" }),
      tried: z
        .array(z.object({ name: z.string(), error: z.string() }))
        .meta({ description: "backends tried first that failed, and why" }),
      source: z.enum(["worker", "predicted"]).meta({
        description:
          "worker: what a training thread last loaded; predicted: from installed packages, before any training",
      }),
      simd: z.boolean().optional(),
      at: z.string().optional(),
    }),
    version: z.string(),
  })
  .meta({ id: "ServiceHealth" });

export const getHealth = defineContract({
  method: "get",
  path: "/api/health",
  permission: null,
  summary: "Liveness: the database, the workers and the serving process",
  description:
    '503 with the same body when the database does not answer (`status: "degraded"`); workers and serving are reported, not counted in the status code.',
  response: { status: 200, description: "Healthy", schema: ServiceHealth },
});

export const getMetrics = defineContract({
  method: "get",
  path: "/api/metrics",
  // Prometheus servers often scrape without credentials inside a trusted network;
  // RACKMIND_METRICS_PUBLIC=1 allows that, otherwise a bearer token is needed.
  permission: "metrics.read",
  publicWhen: () => getConfig().RACKMIND_METRICS_PUBLIC === "1",
  summary: "Prometheus exposition of Rackmind's view (rackmind_*)",
  description: "Without credentials when RACKMIND_METRICS_PUBLIC=1.",
  response: { status: 200, description: "Prometheus text format 0.0.4", schema: z.string(), mediaType: "text/plain" },
});

export const getOpenApi = defineContract({
  method: "get",
  path: "/api/openapi.json",
  permission: null,
  summary: "This document",
  response: { status: 200, description: "OpenAPI 3.1" },
});
