import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { startSimulator, type RunningSimulator } from "../../lib/demo/simulator";
import {
  hasPrometheus,
  poll,
  scrapeSimulatorConfig,
  startPrometheus,
  type RunningPrometheus,
} from "../support/prometheus";
import { reportServerGpus } from "./support/telemetry";
import { readState } from "./support/state";
import { expect, signInAs, test } from "./support/test";

// A fleet that keeps its raw samples in Prometheus reads a GPU's charts from
// there: a real Prometheus (Debian's package) scrapes the demo simulator's
// dcgm-exporter page of one node, an admin points Rackmind at it, and the GPU
// page switches its charts to it — and says so, in words, when it goes away.
// No other spec uses this node.
const HOST = "ams1-r02-n02";

test.describe.configure({ mode: "serial" });
test.skip(!hasPrometheus, "needs Debian's prometheus package (.ci/run installs it)");

const dir = mkdtempSync(path.join(tmpdir(), "rackmind-e2e-prometheus-"));
let sim: RunningSimulator | undefined;
let prometheus: RunningPrometheus | undefined;
let uuid = "";
let networksBefore: string[] = [];
const admin = () => ({ authorization: `Bearer ${readState().adminToken}` });

async function setPrometheusUrl(request: APIRequestContext, url: string | null) {
  const res = await request.put("/api/v1/telemetry/settings", {
    headers: admin(),
    data: { prometheusUrl: url },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(150_000);
  const state = readState();
  const request = await playwright.request.newContext({ baseURL: state.baseURL });
  // The charts section shows once Rackmind itself has heard from the GPU.
  uuid = (await reportServerGpus(request, state, HOST))[0]!;
  sim = await startSimulator({ port: 0, host: "127.0.0.1" });
  prometheus = await startPrometheus(dir, scrapeSimulatorConfig(sim.url, HOST));
  // Half a minute of scrapes, so the last 15 minutes have a few points at a 10 s step.
  const scraped = `count_over_time(DCGM_FI_DEV_GPU_TEMP{UUID="${uuid}"}[1m]) >= 30`;
  await poll(
    async () => {
      const res = await fetch(`${prometheus!.api}/query?query=${encodeURIComponent(scraped)}`);
      const body = (await res.json()) as { data: { result: unknown[] } };
      return body.data.result.length > 0 ? true : undefined;
    },
    90_000,
    "half a minute of Prometheus scrapes of the simulator",
  );
  // Rackmind fetches only addresses in the scrape networks, and loopback is not among them by default.
  networksBefore = (
    (await (await request.get("/api/v1/telemetry/scrape-networks", { headers: admin() })).json()) as {
      allowed: string[];
    }
  ).allowed;
  const allowed = await request.put("/api/v1/telemetry/scrape-networks", {
    headers: admin(),
    data: { allowed: [...networksBefore, "127.0.0.0/8"] },
  });
  expect(allowed.status(), await allowed.text()).toBe(200);
  await setPrometheusUrl(request, prometheus.url);
  await request.dispose();
});

test.afterAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: readState().baseURL });
  await setPrometheusUrl(request, null);
  if (networksBefore.length)
    await request.put("/api/v1/telemetry/scrape-networks", { headers: admin(), data: { allowed: networksBefore } });
  await request.dispose();
  await prometheus?.stop();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("an operator switches a GPU's charts to Prometheus and is told when it fails", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "operator");
  await page.goto(`/gpus/${uuid}?range=15m`);
  const picker = page.getByRole("navigation", { name: "Series source" });
  await expect(picker.getByRole("link", { name: "Rackmind" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("chart-temperature-source")).not.toHaveAttribute("data-source", "prometheus");

  await picker.getByRole("link", { name: "Prometheus" }).click();
  await page.waitForURL(/source=prometheus/);
  await expect(picker.getByRole("link", { name: "Prometheus" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("chart-temperature-source")).toHaveAttribute("data-source", "prometheus");
  await expect(page.getByTestId("chart-temperature-source")).toContainText("Prometheus");
  // Every point came from Prometheus: Rackmind heard this GPU once, Prometheus every second.
  await expect(page.getByTestId("chart-temperature")).toHaveAttribute("data-points", /^([3-9]|\d\d+)$/);
  await expect(page.getByTestId("chart-util")).toHaveAttribute("data-ready", "true");
  // Another range keeps the source.
  await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "1h" }).click();
  await page.waitForURL(/range=1h.*source=prometheus|source=prometheus.*range=1h/);
  await expect(page.getByTestId("chart-temperature-source")).toHaveAttribute("data-source", "prometheus");

  // Prometheus goes away: each card says why instead of drawing an empty chart.
  await prometheus!.stop();
  await page.reload();
  await expect(page.getByTestId("chart-temperature-failed")).toContainText("Prometheus could not give this series");
  await expect(page.getByTestId("chart-temperature")).toHaveCount(0);
  // Rackmind's own series are one click away.
  await picker.getByRole("link", { name: "Rackmind" }).click();
  await expect(page.getByTestId("chart-temperature-source")).not.toHaveAttribute("data-source", "prometheus");
});

test("without a Prometheus set up, asking for it says so and shows Rackmind's series", async ({ page, playwright }) => {
  const request = await playwright.request.newContext({ baseURL: readState().baseURL });
  await setPrometheusUrl(request, null);
  await request.dispose();
  await signInAs(page, "viewer");
  // A page process reads settings through a cache of a few seconds.
  await expect(async () => {
    await page.goto(`/gpus/${uuid}?source=prometheus`);
    await expect(page.getByTestId("source-not-configured")).toContainText("No Prometheus is set up", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("navigation", { name: "Series source" })).toHaveCount(0);
  await expect(page.getByTestId("chart-temperature-source")).not.toHaveAttribute("data-source", "prometheus");
});
