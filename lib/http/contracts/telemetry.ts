import { z } from "zod";
import {
  CreateTargetInput,
  DcgmPushQuery,
  IngestResultOut,
  SeriesOut,
  SeriesQuery,
  TargetOut,
  UpdateTargetInput,
} from "../../telemetry/schemas";
import { TelemetrySettings, UpdateTelemetrySettings } from "../../telemetry/settings";
import { ScrapeNetworks, UpdateScrapeNetworks } from "../../telemetry/scrape/network-schemas";
import { defineContract, pageOf } from "../contract";

// GPU telemetry: dcgm-exporter pages pushed or scraped, the series they make, and the settings.

const targetParams = z.object({ id: z.uuid() });

export const pushDcgm = defineContract({
  method: "post",
  path: "/api/v1/telemetry/dcgm",
  permission: "telemetry.write",
  summary: "Push a dcgm-exporter /metrics page",
  description:
    "The body is what dcgm-exporter serves (Prometheus text, or OpenMetrics read the same way). GPUs are matched by the `UUID` label, else `Hostname` + `gpu`; " +
    "GPUs the inventory does not know are counted in `unknownGpus` (and registered when their server is known and `autoRegisterGpus` is on). " +
    "Malformed lines, values that are not finite or beyond ±1e300, and samples outside the retention window or more than 5 minutes ahead are counted in `rejected` (the first 50 in `rejections`), never a 5xx. " +
    "A re-posted page stores nothing twice (`duplicates`). Pages of up to 2,000 samples are folded into rollups, latest values and health before the answer; bigger ones by the worker within seconds (`queuedForFold`).",
  query: DcgmPushQuery,
  rawBody: { mediaTypes: ["text/plain", "application/openmetrics-text"], description: "a dcgm-exporter /metrics page" },
  response: { status: 200, description: "What was stored", schema: IngestResultOut },
});

export const remoteWrite = defineContract({
  method: "post",
  path: "/api/v1/telemetry/remote-write",
  permission: "telemetry.write",
  summary: "Receive Prometheus remote-write (1.0) from a Prometheus that scrapes dcgm-exporter",
  description:
    "The body is a snappy-compressed (`Content-Encoding: snappy`, block format) protobuf `prometheus.WriteRequest`, as Prometheus's `remote_write` sends it. " +
    "Series named `DCGM_…` are matched to GPUs as a pushed dcgm page is (the `UUID` label, else `Hostname` + `gpu`); every other series is counted and dropped. " +
    "Staleness markers, values that are not finite, samples outside the retention window and samples of GPUs the inventory does not know are counted and skipped. " +
    "The same request sent again stores nothing twice. The answer is 204 with no body; the counts are in `/api/metrics` and the log. " +
    "A body that is not a whole, valid request is a 400 and stores nothing (Prometheus drops the batch); over 8 MiB decompressed is a 413; " +
    "another coding, or a remote-write 2.0 message, is a 415; an unreachable database is a 503 with Retry-After (Prometheus retries).",
  rawBody: {
    mediaTypes: ["application/x-protobuf"],
    contentEncoding: "snappy",
    description: "a snappy-compressed prometheus.WriteRequest (remote-write 1.0)",
  },
  response: { status: 204, description: "Received (the usable samples stored)" },
  errors: [400, 503],
});

export const getGpuSeries = defineContract({
  method: "get",
  path: "/api/v1/gpus/{uuid}/series",
  permission: "telemetry.read",
  summary: "A GPU's dcgm field over time: average, min and max per step",
  description:
    "Answered from the coarsest table that resolves the step (raw samples, 1-minute or 1-hour rollups; `source` says which). " +
    "At most 5,000 points: a range too long for its step is a 422 naming the limit. A field never reported answers empty lists. " +
    "With `source=prometheus` the same buckets are computed by the Prometheus-compatible server of the `prometheusUrl` setting from its raw samples " +
    "(series labelled `UUID=<uuid>`, as dcgm-exporter labels them), fetched within the scrape networks: 409 when the setting is not made, " +
    "502 when that server fails or answers something else, 504 when it takes over 5 s.",
  params: z.object({ uuid: z.string().meta({ description: "the GPU's UUID (GPU-…)" }) }),
  query: SeriesQuery,
  response: { status: 200, description: "The series", schema: SeriesOut },
  errors: [404, 409, 502, 504],
});

export const listScrapeTargets = defineContract({
  method: "get",
  path: "/api/v1/telemetry/targets",
  permission: "telemetry.read",
  summary: "Scrape targets with their last scrape, by URL",
  response: { status: 200, description: "Targets", schema: pageOf(TargetOut) },
});

export const createScrapeTarget = defineContract({
  method: "post",
  path: "/api/v1/telemetry/targets",
  permission: "telemetry.write",
  summary: "Add a dcgm-exporter to scrape every intervalSeconds",
  description:
    "The worker scrapes it at once and then on its interval, backing off after failures. A URL already a target is a 409.",
  body: CreateTargetInput,
  response: { status: 201, description: "Created", schema: TargetOut },
  errors: [409],
});

export const updateScrapeTarget = defineContract({
  method: "patch",
  path: "/api/v1/telemetry/targets/{id}",
  permission: "telemetry.write",
  summary: "Change a target's interval, or pause and resume it",
  description: "Re-enabling a target that was backing off scrapes it now.",
  params: targetParams,
  body: UpdateTargetInput,
  response: { status: 200, description: "The target", schema: TargetOut },
  errors: [404],
});

export const deleteScrapeTarget = defineContract({
  method: "delete",
  path: "/api/v1/telemetry/targets/{id}",
  permission: "telemetry.write",
  summary: "Stop scraping a target",
  params: targetParams,
  response: { status: 204, description: "Deleted" },
  errors: [404],
});

export const getTelemetrySettings = defineContract({
  method: "get",
  path: "/api/v1/telemetry/settings",
  permission: "telemetry.read",
  summary:
    "Telemetry settings: retention, health thresholds, auto-registration, staleness, the demo feed, the Prometheus to read series from",
  response: { status: 200, description: "The settings", schema: TelemetrySettings },
});

export const updateTelemetrySettings = defineContract({
  method: "put",
  path: "/api/v1/telemetry/settings",
  permission: "telemetry.write",
  summary: "Change telemetry settings (the fields sent; the rest stay)",
  description:
    "Retention in days per table (raw, 1-minute, 1-hour rollups); `degradedTempC` (°C) and `throttleSustainMinutes` set when a GPU is degraded; " +
    "`autoRegisterGpus` registers reporting GPUs of known servers; after `staleAfterMinutes` without a sample a GPU is stale and not placed, unless `placeOnStaleGpus`; " +
    "`demoTelemetry` feeds simulated pages for the demo fleet; " +
    "`prometheusUrl` (null to unset) is the base URL of a Prometheus-compatible server that `GET /api/v1/gpus/{uuid}/series?source=prometheus` reads — only an admin may change it (403).",
  body: UpdateTelemetrySettings,
  response: { status: 200, description: "The settings now", schema: TelemetrySettings },
});

export const getScrapeNetworks = defineContract({
  method: "get",
  path: "/api/v1/telemetry/scrape-networks",
  permission: "telemetry.read",
  summary: "The networks scrape targets may be in",
  response: { status: 200, description: "The allow-list", schema: ScrapeNetworks },
});

export const updateScrapeNetworks = defineContract({
  method: "put",
  path: "/api/v1/telemetry/scrape-networks",
  permission: "telemetry.networks",
  summary: "Change the networks scrape targets may be in (admin; audited)",
  description:
    "`allowed`: CIDR networks (IPv4 or IPv6). Every connection a scrape makes, redirects included, must reach an address inside one; " +
    "loopback and link-local (cloud metadata at 169.254.169.254) are refused unless listed. Default: the private ranges.",
  body: UpdateScrapeNetworks,
  response: { status: 200, description: "The allow-list now", schema: ScrapeNetworks },
});
