import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "./launcher";

/** A real Prometheus: Debian's `prometheus` package (.ci/run installs it), or PROMETHEUS_PATH. */
export const prometheusBin = process.env.PROMETHEUS_PATH ?? "/usr/bin/prometheus";
export const hasPrometheus = existsSync(prometheusBin);

export type RunningPrometheus = { api: string; url: string; proc: ChildProcess; stop: () => Promise<void> };

/** Starts Prometheus on a free loopback port with this configuration (YAML lines), its data under `dir`. */
export async function startPrometheus(dir: string, config: string[]): Promise<RunningPrometheus> {
  const port = await freePort();
  writeFileSync(path.join(dir, "prometheus.yml"), config.join("\n"));
  const proc = spawn(
    prometheusBin,
    [
      `--config.file=${path.join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(dir, "tsdb")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  // On SIGTERM Prometheus flushes its remote-write queues for up to a minute
  // (flush_deadline), retrying a receiver that may already be gone: it is given
  // a few seconds, then killed.
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { api: `${url}/api/v1`, url, proc, stop };
}

/** Calls `fn` every half second until it returns a value (errors count as not yet), or throws after `timeoutMs`. */
export async function poll<T>(fn: () => Promise<T | undefined>, timeoutMs: number, what = "a value"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The sum of a metric's series in Prometheus's own /metrics (its self-monitoring, without scraping itself); undefined when absent. */
export async function prometheusOwnMetric(prometheus: RunningPrometheus, name: string): Promise<number | undefined> {
  const text = await (await fetch(`${prometheus.url}/metrics`)).text();
  const values = [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "gm"))].map((m) => Number(m[1]));
  return values.length ? values.reduce((a, b) => a + b, 0) : undefined;
}

/** The lines of a prometheus.yml that scrape one node's page of the demo simulator every second. */
export function scrapeSimulatorConfig(simulatorUrl: string, hostname: string): string[] {
  return [
    "global: { scrape_interval: 1s, scrape_timeout: 1s }",
    "scrape_configs:",
    "  - job_name: dcgm-exporter",
    `    metrics_path: /hosts/${hostname}/metrics`,
    `    static_configs: [ { targets: ["${new URL(simulatorUrl).host}"] } ]`,
  ];
}
