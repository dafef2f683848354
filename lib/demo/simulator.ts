import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "../observability/logger";
import { planDemoFleet } from "./demo-fleet-plan";
import type { DcgmFieldName } from "../telemetry/dcgm/fields";
import { renderDcgmPage, type DcgmPageGpu } from "../telemetry/dcgm/page";
import { simulateGpuReadings, type SimulatedGpu } from "./simulated-load";

/**
 * A stand-in for the demo fleet's dcgm-exporters: one HTTP server that serves
 * every node's page under /hosts/<hostname>/metrics, as a per-node exporter
 * would, and the whole fleet on /metrics. Values come from simulated-load, so
 * two scrapes in the same 10 s bucket agree except for the counters.
 */

export type SimulatorOptions = { port: number; host?: string; now?: () => number };
export type RunningSimulator = { url: string; close: () => Promise<void> };

type FleetGpu = DcgmPageGpu & SimulatedGpu;

const log = logger.child({ component: "dcgm-simulator" });
const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
// The sites run different driver branches, as fleets bought years apart do.
const driverBySite: Record<string, string> = { ams1: "550.127.05", pdx1: "535.183.01" };

/** Starts the simulator; port 0 picks a free port (read it from `url`). */
export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const host = opts.host ?? "127.0.0.1";
  const now = opts.now ?? Date.now;
  const byHost = planSimulatedFleet();
  const all = [...byHost.values()].flat();
  const server = createServer((req, res) => {
    try {
      route(req, res, { byHost, all, atMs: now() });
    } catch (err) {
      log.error({ err, url: req.url }, "simulator request failed");
      if (res.headersSent) res.destroy();
      else send(res, 500, "internal error\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log.info({ url, hosts: byHost.size, gpus: all.length }, "dcgm simulator listening");
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Scrapers keep connections alive; without this close() waits for them.
      server.closeAllConnections();
    });
  return { url, close };
}

/** The demo fleet's GPUs grouped by hostname, in rack and index order. */
export function planSimulatedFleet(): Map<string, FleetGpu[]> {
  const fleet = planDemoFleet();
  const hostnameById = new Map(fleet.servers.map((s) => [s.id, s.hostname]));
  const byHost = new Map<string, FleetGpu[]>(fleet.servers.map((s) => [s.hostname, []]));
  for (const gpu of fleet.gpus) {
    const hostname = hostnameById.get(gpu.serverId)!;
    byHost.get(hostname)!.push({
      index: gpu.index,
      uuid: gpu.uuid,
      pciBusId: gpu.pciBusId ?? "00000000:00:00.0",
      model: gpu.model,
      modelName: gpu.model,
      hostname,
      driverVersion: driverBySite[hostname.slice(0, hostname.indexOf("-"))],
      memoryMiB: gpu.memoryMiB ?? null,
      health: gpu.health,
      healthReason: gpu.healthReason ?? null,
    });
  }
  return byHost;
}

type Fleet = { byHost: Map<string, FleetGpu[]>; all: FleetGpu[]; atMs: number };

function route(req: IncomingMessage, res: ServerResponse, fleet: Fleet): void {
  const path = new URL(req.url ?? "/", "http://simulator").pathname;
  log.debug({ method: req.method, path }, "request");
  if (req.method !== "GET" && req.method !== "HEAD")
    return send(res, 405, "method not allowed\n", { allow: "GET, HEAD" });
  if (path === "/") return send(res, 200, renderIndex(fleet));
  if (path === "/metrics")
    return send(res, 200, renderFleetPage(fleet.all, fleet.atMs), { "content-type": CONTENT_TYPE });
  // Hostnames need no escaping, so the raw path segment is looked up as is.
  const match = /^\/hosts\/([^/]+)\/metrics$/.exec(path);
  const gpus = match ? fleet.byHost.get(match[1]!) : undefined;
  if (!gpus) return send(res, 404, `not found: ${path}\n`);
  send(res, 200, renderFleetPage(gpus, fleet.atMs), { "content-type": CONTENT_TYPE });
}

let demoFleet: FleetGpu[] | null = null;

/** The whole demo fleet's dcgm page at `atMs`, as the simulator serves it on /metrics (the worker's demo feed). */
export function renderDemoFleetPage(atMs: number): string {
  demoFleet ??= [...planSimulatedFleet().values()].flat();
  return renderFleetPage(demoFleet, atMs);
}

function renderFleetPage(gpus: FleetGpu[], atMs: number): string {
  // One reading per GPU per scrape, not one per field.
  const readings = new Map(gpus.map((g) => [g.uuid, simulateGpuReadings(g, atMs)]));
  return renderDcgmPage(gpus, { value: (gpu, field) => readings.get(gpu.uuid)![field.name as DcgmFieldName] });
}

function renderIndex(fleet: Fleet): string {
  const hosts = [...fleet.byHost.keys()];
  return [
    "Rackmind dcgm-exporter simulator",
    "",
    `GET /metrics                      all ${fleet.all.length} GPUs of the demo fleet`,
    `GET /hosts/<hostname>/metrics     one node's GPUs (${hosts.length} hosts)`,
    "",
    ...hosts.map((h) => `  /hosts/${h}/metrics`),
    "",
  ].join("\n");
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    ...headers,
    "content-length": Buffer.byteLength(body),
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}
