import type { APIRequestContext, Page } from "@playwright/test";
import type { E2eState } from "./support/state";
import { expect, signInAs, test } from "./support/test";

// ams1-r02-n01 is an active H100 server that no other spec uses; its GPU #0
// gets five minutes of samples, one a minute, ending at 71 °C.
const HOSTNAME = "ams1-r02-n01";
const TEMPS = [61, 63, 66, 68, 71];
const LATEST_TEMP = "71";
const LATEST_POWER_W = 612;

type ApiGpu = { uuid: string; index: number };

async function firstGpu(request: APIRequestContext, state: E2eState): Promise<ApiGpu> {
  const res = await request.get(`/api/v1/gpus?hostname=${HOSTNAME}`, {
    headers: { authorization: `Bearer ${state.adminToken}` },
  });
  expect(res.status(), await res.text()).toBe(200);
  const gpu = ((await res.json()) as { items: ApiGpu[] }).items.find((g) => g.index === 0);
  expect(gpu, `${HOSTNAME} has a GPU #0`).toBeDefined();
  return gpu!;
}

/** A dcgm-exporter page with one sample a minute for the last five minutes, each with its own ms timestamp. */
function dcgmPage(gpu: ApiGpu, nowMs: number): string {
  const labels = `gpu="${gpu.index}",UUID="${gpu.uuid}",Hostname="${HOSTNAME}",modelName="NVIDIA H100 80GB HBM3"`;
  const series: Record<string, (i: number) => number> = {
    DCGM_FI_DEV_GPU_TEMP: (i) => TEMPS[i]!,
    DCGM_FI_DEV_GPU_UTIL: (i) => 80 + i * 3,
    DCGM_FI_DEV_POWER_USAGE: (i) => LATEST_POWER_W - (TEMPS.length - 1 - i) * 20,
    DCGM_FI_DEV_FB_USED: (i) => 40_000 + i * 1_000,
    DCGM_FI_DEV_XID_ERRORS: () => 0,
  };
  const lines: string[] = [];
  for (const [metric, valueAt] of Object.entries(series)) {
    lines.push(`# TYPE ${metric} gauge`);
    TEMPS.forEach((_, i) =>
      lines.push(`${metric}{${labels}} ${valueAt(i)} ${nowMs - (TEMPS.length - 1 - i) * 60_000}`),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Pushes the samples; pushing again is harmless (same GPU, later timestamps). */
async function pushSamples(request: APIRequestContext, state: E2eState): Promise<ApiGpu> {
  const gpu = await firstGpu(request, state);
  const nowMs = Date.now();
  const res = await request.post(`/api/v1/telemetry/dcgm?at=${new Date(nowMs).toISOString()}`, {
    headers: { authorization: `Bearer ${state.adminToken}`, "content-type": "text/plain" },
    data: dcgmPage(gpu, nowMs),
  });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ accepted: 25, rejected: 0, unknownGpus: 0 });
  return gpu;
}

function slot(page: Page, hostname: string) {
  return page.locator(`[data-testid="rack-slot"][data-hostname="${hostname}"]`);
}

test("pushed dcgm samples show on the GPU page as latest readings and a temperature chart", async ({
  page,
  request,
  state,
}) => {
  const gpu = await pushSamples(request, state);
  await signInAs(page, "operator");

  await page.goto(`/servers/${HOSTNAME}`);
  const row = page.getByTestId("gpu-row").filter({ hasText: gpu.uuid });
  await expect(row).toContainText(`${LATEST_TEMP} °C`);
  await row.getByRole("link", { name: "GPU #0" }).click();

  await expect(page).toHaveURL(new RegExp(`/gpus/${gpu.uuid}$`));
  await expect(page.getByRole("heading", { name: `GPU #0 on ${HOSTNAME}` })).toBeVisible();
  await expect(page.getByTestId("gpu-uuid")).toHaveText(gpu.uuid);
  await expect(page.getByTestId("reading-temp")).toContainText(LATEST_TEMP);
  await expect(page.getByTestId("reading-power")).toContainText(String(LATEST_POWER_W));

  const chart = page.getByTestId("chart-temperature");
  await expect(chart).toHaveAttribute("data-ready", "true");
  await expect(chart.locator("canvas")).toBeVisible();
  expect(Number(await chart.getAttribute("data-points"))).toBeGreaterThanOrEqual(TEMPS.length);
  // An hour at a 30 s step is served from raw samples.
  await expect(page.getByTestId("chart-temperature-source")).toHaveAttribute("data-source", "raw");

  await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7d" }).click();
  await expect(page).toHaveURL(/\?range=7d$/);
  await expect(page.getByTestId("chart-temperature-source")).toHaveAttribute("data-source", "1h");
  await expect(page.getByTestId("chart-temperature")).toHaveAttribute("data-ready", "true");
});

test("the rack elevation coloured by temperature carries the server's readings", async ({ page, request, state }) => {
  await pushSamples(request, state);
  await signInAs(page, "viewer");
  await page.goto("/racks/ams1/ams1-r02");

  await page.getByRole("navigation", { name: "Colour by" }).getByRole("link", { name: "Temperature" }).click();
  await expect(page).toHaveURL(/\/racks\/ams1\/ams1-r02\?colour=temperature$/);
  const n01 = slot(page, HOSTNAME);
  await expect(n01).toHaveAttribute("data-temp-c", LATEST_TEMP);
  await expect(n01).toHaveAttribute("data-power-w", String(LATEST_POWER_W));
  await expect(n01).toHaveAttribute("data-telemetry", "known");
  // The inventory attributes stay whatever the colouring.
  await expect(n01).toHaveAttribute("data-status", "active");
  await expect(n01).toHaveAttribute("data-position-u", "3");
  await expect(n01.getByTestId("rack-slot-readout")).toHaveText(`${LATEST_TEMP} °C`);
  await expect(page.getByTestId("elevation-scale")).toContainText("90 °C");

  await page.getByRole("navigation", { name: "Colour by" }).getByRole("link", { name: "Power" }).click();
  await expect(page).toHaveURL(/\?colour=power$/);
  await expect(page.getByTestId("elevation-scale")).toContainText("40 kW cap");
});

test("the Telemetry page lists the hottest GPUs, and an operator adds, disables and deletes a scrape target", async ({
  page,
  request,
  state,
}) => {
  const gpu = await pushSamples(request, state);
  await signInAs(page, "operator");
  await page.goto("/telemetry");
  await expect(page.getByRole("heading", { name: "Telemetry", exact: true })).toBeVisible();
  const gpuLink = page.getByRole("link", { name: `GPU #0 on ${HOSTNAME}` });
  await expect(page.getByTestId("hot-gpu-row").filter({ has: gpuLink })).toContainText(`${LATEST_TEMP} °C`);
  await expect(gpuLink).toHaveAttribute("href", `/gpus/${gpu.uuid}`);

  const url = `http://e2e-node-${Date.now()}.invalid:9400/metrics`;
  await page.getByLabel("Exporter URL").fill(url);
  await page.getByLabel("Interval (seconds)").fill("15");
  await page.getByRole("button", { name: "Add target" }).click();
  const target = page.getByTestId("target-row").filter({ hasText: url });
  await expect(target).toHaveCount(1);
  await expect(target).toContainText("15 s");

  // The same URL again: the API's 409 is shown in its own words.
  await page.getByLabel("Exporter URL").fill(url);
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The target was not added" })).toContainText("already exists");
  await expect(target).toHaveCount(1);

  await target.getByRole("button", { name: `Disable ${url}` }).click();
  await expect(target).toContainText("disabled");
  await target.getByRole("button", { name: `Delete ${url}` }).click();
  await target.getByRole("button", { name: `Confirm deleting ${url}` }).click();
  await expect(target).toHaveCount(0);
});

test("a viewer sees the Telemetry page without the add-target form or settings form", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/telemetry");
  await expect(page.getByRole("heading", { name: "Telemetry", exact: true })).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a scrape target" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add target" })).toHaveCount(0);
  await expect(page.getByText("needs the operator role")).toBeVisible();
  await expect(page.getByTestId("settings-list")).toContainText("Degraded above");
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await expect(page.getByTestId("push-example")).toContainText("/api/v1/telemetry/dcgm");
  await expect(page.getByTestId("remote-write-example")).toContainText("/api/v1/telemetry/remote-write");
});

test("an admin changes the scrape networks on the Telemetry page; a bad network is named beside the field", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/telemetry");
  const form = page.getByRole("form", { name: "Scrape networks" });
  const field = form.getByLabel("Allowed networks (CIDR, one per line)");
  const before = await field.inputValue();
  await field.fill(`${before}\n10.0.0.0/33`);
  await form.getByRole("button", { name: "Save networks" }).click();
  await expect(form.locator('[data-testid="field-error"][data-field="scrape-networks"]')).toContainText("10.0.0.0/33");
  await field.fill(`${before}\n198.51.100.0/24`);
  await form.getByRole("button", { name: "Save networks" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("scrape-networks")).toContainText("198.51.100.0/24");
  await field.fill(before);
  await form.getByRole("button", { name: "Save networks" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");

  await signInAs(page, "operator");
  await page.goto("/telemetry");
  await expect(page.getByTestId("scrape-networks")).toContainText("Only an admin can change this list.");
  await expect(page.getByRole("form", { name: "Scrape networks" })).toHaveCount(0);
});

test("an unknown GPU UUID is a 404 page", async ({ page }) => {
  await signInAs(page, "viewer");
  const res = await page.goto("/gpus/GPU-00000000-0000-0000-0000-000000000000");
  expect(res?.status()).toBe(404);
});
