import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AuditEventOut, AuditQuery } from "../audit/schemas";
import { CreatedTokenOut, CreateTokenInput, CreateUserInput, LoginInput, MeOut, RoleName, TokenOut } from "../auth/schemas";
import {
  CreateGpuInput, CreateRackInput, CreateServerInput, CreateSiteInput, GpuHealthNoteInput, GpuOut, ListGpusQuery, ListRacksQuery, ListServersQuery, RackOut,
  ServerOut, SiteOut, UpdateGpuInput, UpdateRackInput, UpdateServerInput, UpdateSiteInput,
} from "../inventory/schemas";
import { inventoryColumns } from "../inventory/csv-columns";
import {
  AlertsQuery, BreakdownOut, BreakdownQuery, CarbonIntensitiesInput, EnergyFindingOut, EnergyReadingsInput, JobEnergyOut, MeterOut, MetersQuery, PutTariffInput,
  RackPowerOut, RackPowerQuery, ReadingsResultOut, SummaryQuery, TariffOut,
} from "../energy/schemas";
import { SummaryOut } from "../energy/reports/summary-schemas";
import { version } from "../version";
import { registerDatasetEndpoints } from "./dataset-endpoints";
import { registerJobEndpoints } from "./job-endpoints";
import { pageOf, registerEndpoint, registry } from "./registry";

const ServiceHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    db: z.object({ kind: z.enum(["pglite", "postgres"]), ok: z.boolean(), latencyMs: z.number().nullable() }),
    tf: z.object({
      backend: z.enum(["tensorflow", "wasm", "cpu"]).nullable().meta({ description: "the TF.js backend training uses" }),
      tried: z.array(z.object({ name: z.string(), error: z.string() })).meta({ description: "backends tried first that failed, and why" }),
      source: z.enum(["worker", "predicted"]).meta({ description: "worker: what a training thread last loaded; predicted: from installed packages, before any training" }),
      simd: z.boolean().optional(),
      at: z.string().optional(),
    }),
    version: z.string(),
  })
  .meta({ id: "ServiceHealth" });
const UserOut = z.object({ id: z.string(), name: z.string(), role: RoleName, createdAt: z.string(), disabled: z.boolean() }).meta({ id: "User" });
const counts = z.object({ created: z.number().int(), updated: z.number().int() });
const ImportResultOut = z
  .object({ created: z.number().int(), updated: z.number().int(), rows: z.number().int(), sites: counts, racks: counts, servers: counts, gpus: counts })
  .meta({ id: "InventoryImportResult" });
const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

registerEndpoint({ method: "get", path: "/api/health", summary: "Liveness and database kind", ok: { status: 200, description: "Healthy", schema: ServiceHealth } });
registerEndpoint({ method: "get", path: "/api/metrics", summary: "Prometheus exposition of Rackmind's view (rackmind_*)", role: "viewer", description: "Without credentials when RACKMIND_METRICS_PUBLIC=1.", ok: { status: 200, description: "Prometheus text format 0.0.4", schema: z.string(), mediaType: "text/plain" } });
registerEndpoint({ method: "get", path: "/api/openapi.json", summary: "This document", ok: { status: 200, description: "OpenAPI 3.1" } });
registerEndpoint({ method: "post", path: "/api/v1/auth/login", summary: "Sign in; sets the session cookie", request: { body: json(LoginInput) }, ok: { status: 200, description: "Signed in", schema: MeOut.pick({ name: true, role: true }) }, errors: [400, 401, 415, 422] });
registerEndpoint({ method: "post", path: "/api/v1/auth/logout", summary: "Sign out; clears the session cookie", ok: { status: 204, description: "Signed out" } });
registerEndpoint({ method: "get", path: "/api/v1/me", summary: "Who am I", role: "viewer", ok: { status: 200, description: "The caller", schema: MeOut } });
registerEndpoint({ method: "get", path: "/api/v1/tokens", summary: "List API tokens", role: "admin", ok: { status: 200, description: "Tokens (hashes never leave the server)", schema: pageOf(TokenOut) } });
registerEndpoint({ method: "post", path: "/api/v1/tokens", summary: "Create an API token (shown once)", role: "admin", request: { body: json(CreateTokenInput) }, ok: { status: 201, description: "Created", schema: CreatedTokenOut }, errors: [400, 413, 415, 422] });
registerEndpoint({ method: "delete", path: "/api/v1/tokens/{id}", summary: "Revoke an API token", role: "admin", request: { params: z.object({ id: z.uuid() }) }, ok: { status: 204, description: "Revoked" }, errors: [404, 422] });
registerEndpoint({ method: "get", path: "/api/v1/users", summary: "List users", role: "admin", ok: { status: 200, description: "Users", schema: pageOf(UserOut) } });
registerEndpoint({ method: "post", path: "/api/v1/users", summary: "Create a user", role: "admin", request: { body: json(CreateUserInput) }, ok: { status: 201, description: "Created", schema: UserOut }, errors: [400, 409, 413, 415, 422] });
registerEndpoint({ method: "get", path: "/api/v1/sites", summary: "List sites", role: "viewer", ok: { status: 200, description: "Sites", schema: pageOf(SiteOut) } });
registerEndpoint({ method: "post", path: "/api/v1/sites", summary: "Register a site", role: "operator", request: { body: json(CreateSiteInput) }, ok: { status: 201, description: "Created", schema: SiteOut }, errors: [400, 409, 413, 415, 422] });
registerEndpoint({ method: "get", path: "/api/v1/servers", summary: "List servers", role: "viewer", request: { query: ListServersQuery }, ok: { status: 200, description: "A page of servers", schema: pageOf(ServerOut) }, errors: [400, 422] });
const siteParam = { params: z.object({ name: z.string() }) };
registerEndpoint({ method: "get", path: "/api/v1/sites/{name}", summary: "A site", role: "viewer", request: siteParam, ok: { status: 200, description: "The site", schema: SiteOut }, errors: [404] });
registerEndpoint({ method: "patch", path: "/api/v1/sites/{name}", summary: "Change a site (tariff, carbon intensity, time zone)", role: "operator", request: { ...siteParam, body: json(UpdateSiteInput) }, ok: { status: 200, description: "Changed", schema: SiteOut }, errors: [400, 404, 415, 422] });
registerEndpoint({ method: "delete", path: "/api/v1/sites/{name}", summary: "Delete a site without racks", role: "operator", request: siteParam, ok: { status: 204, description: "Deleted" }, errors: [404, 409] });
registerEndpoint({ method: "get", path: "/api/v1/racks", summary: "List racks", role: "viewer", request: { query: ListRacksQuery }, ok: { status: 200, description: "Racks", schema: pageOf(RackOut) } });
registerEndpoint({ method: "post", path: "/api/v1/racks", summary: "Add a rack to a site", role: "operator", request: { body: json(CreateRackInput) }, ok: { status: 201, description: "Created", schema: RackOut }, errors: [400, 404, 409, 415, 422] });
const rackParam = { params: z.object({ rack: z.string().meta({ description: "rack name, or site/rack as two path segments" }) }) };
registerEndpoint({ method: "get", path: "/api/v1/racks/{rack}", summary: "A rack (also /api/v1/racks/{site}/{rack})", role: "viewer", request: rackParam, ok: { status: 200, description: "The rack", schema: RackOut }, errors: [404, 422] });
registerEndpoint({ method: "patch", path: "/api/v1/racks/{rack}", summary: "Rename or resize a rack (never below a mounted server)", role: "operator", request: { ...rackParam, body: json(UpdateRackInput) }, ok: { status: 200, description: "Changed", schema: RackOut }, errors: [400, 404, 409, 415, 422] });
registerEndpoint({ method: "delete", path: "/api/v1/racks/{rack}", summary: "Delete an empty rack", role: "operator", request: rackParam, ok: { status: 204, description: "Deleted" }, errors: [404, 409, 422] });
registerEndpoint({ method: "post", path: "/api/v1/servers", summary: "Mount a server in a rack", description: "409 when it overlaps another server or the hostname is taken; 422 when it does not fit the rack.", role: "operator", request: { body: json(CreateServerInput) }, ok: { status: 201, description: "Created", schema: ServerOut }, errors: [400, 404, 409, 415, 422] });
const hostParam = { params: z.object({ hostname: z.string() }) };
registerEndpoint({ method: "get", path: "/api/v1/servers/{hostname}", summary: "A server", role: "viewer", request: hostParam, ok: { status: 200, description: "The server", schema: ServerOut }, errors: [404] });
registerEndpoint({ method: "patch", path: "/api/v1/servers/{hostname}", summary: "Change a server: status, move, rename", role: "operator", request: { ...hostParam, body: json(UpdateServerInput) }, ok: { status: 200, description: "Changed", schema: ServerOut }, errors: [400, 404, 409, 415, 422] });
registerEndpoint({ method: "delete", path: "/api/v1/servers/{hostname}", summary: "Remove a server and its GPUs", role: "operator", request: hostParam, ok: { status: 204, description: "Deleted" }, errors: [404] });
registerEndpoint({ method: "get", path: "/api/v1/gpus", summary: "List GPUs with their latest telemetry and health", role: "viewer", request: { query: ListGpusQuery }, ok: { status: 200, description: "A page of GPUs", schema: pageOf(GpuOut) }, errors: [400, 422] });
registerEndpoint({ method: "post", path: "/api/v1/gpus", summary: "Register a GPU in a server", role: "operator", request: { body: json(CreateGpuInput) }, ok: { status: 201, description: "Created", schema: GpuOut }, errors: [400, 404, 409, 415, 422] });
const uuidParam = { params: z.object({ uuid: z.string() }) };
registerEndpoint({ method: "get", path: "/api/v1/gpus/{uuid}", summary: "A GPU", role: "viewer", request: uuidParam, ok: { status: 200, description: "The GPU", schema: GpuOut }, errors: [404] });
registerEndpoint({ method: "patch", path: "/api/v1/gpus/{uuid}", summary: "Change a GPU (move it, or set health by hand with a reason)", role: "operator", request: { ...uuidParam, body: json(UpdateGpuInput) }, ok: { status: 200, description: "Changed", schema: GpuOut }, errors: [400, 404, 409, 415, 422] });
registerEndpoint({ method: "delete", path: "/api/v1/gpus/{uuid}", summary: "Remove a GPU", role: "operator", request: uuidParam, ok: { status: 204, description: "Deleted" }, errors: [404] });
registerEndpoint({
  method: "post", path: "/api/v1/gpus/{uuid}/acknowledge", summary: "Acknowledge a degraded or failed GPU with a note (health unchanged)", role: "operator",
  description: "The note is shown beside the health until a new cause appears. 409 on a healthy GPU.",
  request: { ...uuidParam, body: json(GpuHealthNoteInput) }, ok: { status: 200, description: "The GPU", schema: GpuOut }, errors: [400, 404, 409, 415, 422],
});
registerEndpoint({
  method: "post", path: "/api/v1/gpus/{uuid}/clear", summary: "Return a degraded or failed GPU to service with a note", role: "operator",
  description: "Healthy, set by the operator. The failure values telemetry reports now (dcgm keeps the last XID) are accepted; a new XID, more remapped rows or persisting heat set it unhealthy again. 409 on a healthy GPU.",
  request: { ...uuidParam, body: json(GpuHealthNoteInput) }, ok: { status: 200, description: "The GPU", schema: GpuOut }, errors: [400, 404, 409, 415, 422],
});
registerEndpoint({ method: "post", path: "/api/v1/inventory/import", summary: "Import inventory CSV (all or nothing)", description: "Columns: " + inventoryColumns.join(", ") + ". One row per GPU, or per server without GPUs, rack without servers, site without racks. Matches by site name, site/rack, hostname, GPU UUID; updates what differs; deletes nothing; empty cells leave values unchanged. Any bad row: 422 with details [{line, message}] and nothing written.", role: "operator", request: { body: { content: { "text/csv": { schema: z.string() } } } }, ok: { status: 200, description: "What was created and updated", schema: ImportResultOut }, errors: [400, 413, 415, 422] });
registerEndpoint({ method: "get", path: "/api/v1/inventory/export", summary: "Export the inventory as CSV that import accepts back", role: "viewer", ok: { status: 200, description: "text/csv", schema: z.string(), mediaType: "text/csv" } });
registerEndpoint({ method: "get", path: "/api/v1/audit", summary: "The audit log, newest first", role: "viewer", request: { query: AuditQuery }, ok: { status: 200, description: "A page of audit events", schema: pageOf(AuditEventOut) }, errors: [400, 422] });

const energySiteParam = { params: z.object({ site: z.string() }) };
registerEndpoint({ method: "post", path: "/api/v1/energy/readings", summary: "Post facility/IT meter readings (all or nothing)", description: "Each item is a cumulative kWh register (`kwhTotal`) or instantaneous power (`watts`); a meter is created on its first reading and keeps its scope and kind. The same meter and time twice stores once. Any bad item: 422 with details [{path: \"<index>.<field>\", message, code}] and nothing written.", role: "operator", request: { body: json(EnergyReadingsInput) }, ok: { status: 200, description: "Stored", schema: ReadingsResultOut }, errors: [400, 413, 415, 422] });
registerEndpoint({ method: "get", path: "/api/v1/energy/meters", summary: "Energy meters with their reading counts and latest reading", role: "viewer", request: { query: MetersQuery }, ok: { status: 200, description: "Meters", schema: pageOf(MeterOut) }, errors: [404, 422] });
registerEndpoint({ method: "get", path: "/api/v1/energy/summary", summary: "A site's energy, PUE, cost and CO2e over [from, to)", description: "Every difference between two readings of a kWh register counts, however far apart (15 minutes, hourly, daily): readings further apart than maxGapMinutes are coarse, their energy spread evenly where it must be split (the period's edges, days, tariff periods, carbon hours) and listed in `coarse`; a register that fell is a reset, counted from 0 and listed in `resets`. Watts samples further apart than maxGapMinutes are gaps: reported, never interpolated across. The time before a meter's first reading is no gap; the time since its last reading is one only once the meter is overdue (`meters[].readThrough` says how far each is read). PUE is computed over the time both scopes were measured (`pueFrom`, `pueTo`). `format=csv` answers the per-day CSV of /api/v1/energy/summary.csv.", role: "viewer", request: { query: SummaryQuery }, ok: { status: 200, description: "The summary", schema: SummaryOut }, errors: [404, 422] });
registerEndpoint({ method: "get", path: "/api/v1/energy/summary.csv", summary: "The energy summary per local day of the site, as CSV", role: "viewer", request: { query: SummaryQuery }, ok: { status: 200, description: "text/csv: date, from, to, itKwh, facilityKwh, pue, gpuKwh, cost, currency, co2eKg, costBasis, gaps, coarseSplit (coarse register intervals the row's edges split evenly: the row's kWh are then an estimate), resets", schema: z.string(), mediaType: "text/csv" }, errors: [404, 422] });
registerEndpoint({ method: "get", path: "/api/v1/energy/tariffs/{site}", summary: "A site's time-of-use tariff", role: "viewer", request: energySiteParam, ok: { status: 200, description: "The tariff", schema: TariffOut }, errors: [404] });
registerEndpoint({ method: "put", path: "/api/v1/energy/tariffs/{site}", summary: "Replace a site's time-of-use tariff", description: "Periods are wall-clock quarter hours in the site's time zone; the first period covering a time sets its price, the site's tariffPerKwh applies elsewhere. An empty list removes the schedule.", role: "operator", request: { ...energySiteParam, body: json(PutTariffInput) }, ok: { status: 200, description: "The tariff", schema: TariffOut }, errors: [400, 404, 413, 415, 422] });
registerEndpoint({ method: "post", path: "/api/v1/energy/carbon-intensity", summary: "Upload hourly grid carbon intensity (all or nothing)", description: "Hours are UTC hour starts; an hour uploaded again is replaced. Hours without a value use the site's carbonGPerKwh.", role: "operator", request: { body: json(CarbonIntensitiesInput) }, ok: { status: 200, description: "Stored", schema: z.object({ accepted: z.number().int() }) }, errors: [400, 413, 415, 422] });
registerEndpoint({ method: "get", path: "/api/v1/energy/jobs/{jobId}", summary: "Energy, cost and CO2e of a job's GPUs while it held them", role: "viewer", request: { params: z.object({ jobId: z.string() }) }, ok: { status: 200, description: "The job's energy", schema: JobEnergyOut }, errors: [404] });
registerEndpoint({ method: "get", path: "/api/v1/energy/racks", summary: "Each rack's latest GPU power against its power cap", role: "viewer", request: { query: RackPowerQuery }, ok: { status: 200, description: "Racks, highest share of cap first", schema: pageOf(RackPowerOut) }, errors: [404, 422] });
registerEndpoint({ method: "get", path: "/api/v1/energy/breakdown", summary: "A site's GPU energy per rack, server or GPU", role: "viewer", request: { query: BreakdownQuery }, ok: { status: 200, description: "Largest first", schema: BreakdownOut }, errors: [404, 422] });
registerEndpoint({ method: "get", path: "/api/v1/energy/alerts", summary: "Energy alert findings now: racks over a share of cap, sites with PUE above target", role: "viewer", request: { query: AlertsQuery }, ok: { status: 200, description: "Findings", schema: pageOf(EnergyFindingOut) }, errors: [422] });

registerDatasetEndpoints();
registerJobEndpoints();

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The OpenAPI 3.1 description of the API, generated from the same zod schemas that validate requests. */
export function getOpenApiDocument() {
  cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Rackmind API",
      version,
      description: "The operations console for AI datacenters. Errors always have the shape `{\"error\": {\"code\", \"message\", \"details\"}}`.",
    },
    servers: [{ url: "/" }],
  });
  return cached;
}
