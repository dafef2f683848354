import type { APIRequestContext, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { readState } from "./support/state";
import { expect, signInAs, test } from "./support/test";

// Real data through the API, once per run: ams1 gets a facility and an IT meter
// reporting their kWh registers every 15 minutes for 21 hours (IT +100 kWh/h,
// facility +140 kWh/h, so PUE 1.40) with one hour in the middle without
// readings, and the four GPUs of ams1-r03-n02 (a server no other spec uses)
// draw 300 W each for the last two hours. The demo tariff (0.21 EUR/kWh) and
// grid intensity (328 g/kWh) of ams1 price it.

const SITE = "ams1";
const HOSTNAME = "ams1-r03-n02";
const RACK = "ams1-r03";
const RACK_CAP_KW = 20;
const GPU_W = 300;
const GPU_MINUTES = 120;
const METERS = { facility: "e2e-utility-main", it: "e2e-it-ups" } as const;
const KWH_PER_QUARTER = { facility: 35, it: 25 } as const;
const PRICE_PER_KWH = 0.21;
const G_CO2E_PER_KWH = 328;

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const HOUR = 60 * MINUTE;

type Reading = { site: string; meter: string; scope: "facility" | "it"; at: string; kwhTotal: number };
type Seeded = {
  itKwh: number;
  facilityKwh: number;
  gpuKwh: number;
  holeFrom: string;
  holeTo: string;
  lastReading: string;
};

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

/**
 * Quarter-hourly registers from 22 h to 1 h before the current hour, leaving
 * out the readings inside the 11th hour: the two readings an hour apart are a
 * coarse interval, and the energy of that hour still counts (issue 13).
 */
function meterReadings(nowMs: number): { readings: Reading[]; holeFrom: number; holeTo: number; end: number } {
  const start = Math.floor(nowMs / HOUR) * HOUR - 22 * HOUR;
  const end = start + 21 * HOUR;
  const holeFrom = start + 10 * HOUR;
  const holeTo = holeFrom + HOUR;
  const readings: Reading[] = [];
  for (let t = start; t <= end; t += QUARTER) {
    if (t > holeFrom && t < holeTo) continue;
    for (const scope of ["facility", "it"] as const) {
      readings.push({
        site: SITE,
        meter: METERS[scope],
        scope,
        at: iso(t),
        kwhTotal: 500_000 + ((t - start) / QUARTER) * KWH_PER_QUARTER[scope],
      });
    }
  }
  return { readings, holeFrom, holeTo, end };
}

/** What the readings say by hand: every register difference counts, so the last reading less the first. */
function meteredKwh(readings: Reading[], meter: string): number {
  const own = readings.filter((r) => r.meter === meter);
  return own.at(-1)!.kwhTotal - own[0]!.kwhTotal;
}

/** One power sample a minute per GPU, on the minute, ending a minute ago: each fills one 1-minute rollup bucket. */
function dcgmPage(gpus: { uuid: string; index: number }[], nowMs: number): string {
  const lastMinute = Math.floor(nowMs / MINUTE) * MINUTE - MINUTE;
  const lines = ["# TYPE DCGM_FI_DEV_POWER_USAGE gauge"];
  for (const g of gpus) {
    const labels = `gpu="${g.index}",UUID="${g.uuid}",Hostname="${HOSTNAME}",modelName="NVIDIA L40S"`;
    for (let i = GPU_MINUTES - 1; i >= 0; i--)
      lines.push(`DCGM_FI_DEV_POWER_USAGE{${labels}} ${GPU_W} ${lastMinute - i * MINUTE}`);
  }
  return `${lines.join("\n")}\n`;
}

async function seed(request: APIRequestContext): Promise<Seeded> {
  const auth = { authorization: `Bearer ${readState().adminToken}` };
  const nowMs = Date.now();
  const { readings, holeFrom, holeTo, end } = meterReadings(nowMs);
  const posted = await request.post("/api/v1/energy/readings", { headers: auth, data: readings });
  expect(posted.status(), await posted.text()).toBe(200);
  expect(await posted.json()).toMatchObject({ accepted: readings.length, stored: readings.length });

  const listed = await request.get(`/api/v1/gpus?hostname=${HOSTNAME}`, { headers: auth });
  expect(listed.status(), await listed.text()).toBe(200);
  const gpus = ((await listed.json()) as { items: { uuid: string; index: number }[] }).items;
  expect(gpus).toHaveLength(4);
  const pushed = await request.post(`/api/v1/telemetry/dcgm?at=${iso(nowMs)}`, {
    headers: { ...auth, "content-type": "text/plain" },
    data: dcgmPage(gpus, nowMs),
  });
  expect(pushed.status(), await pushed.text()).toBe(200);
  expect(await pushed.json()).toMatchObject({ accepted: gpus.length * GPU_MINUTES, rejected: 0, unknownGpus: 0 });

  return {
    itKwh: meteredKwh(readings, METERS.it),
    facilityKwh: meteredKwh(readings, METERS.facility),
    gpuKwh: (gpus.length * GPU_W * GPU_MINUTES * MINUTE) / 3.6e9,
    holeFrom: iso(holeFrom),
    holeTo: iso(holeTo),
    lastReading: iso(end),
  };
}

let seeded: Seeded;

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: readState().baseURL });
  seeded = await seed(request);
  await request.dispose();
});

const en = (n: number, digits: number) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function openEnergy(page: Page, query: string) {
  await page.goto(`/energy${query}`);
  await expect(page.getByRole("heading", { name: "Energy", exact: true })).toBeVisible();
  await expect(page.getByTestId("energy-report")).toBeVisible();
}

test("the Energy page totals a site's metered energy: kWh, PUE, cost in the site's currency and CO2e", async ({
  page,
}) => {
  // The numbers worked out by hand: 21 metered hours, the one read only at its ends included
  // (until issue 13 that hour was a gap and the page said 2,000 and 2,800 kWh).
  expect(seeded.itKwh).toBe(2100);
  expect(seeded.facilityKwh).toBe(2940);
  await signInAs(page, "viewer");
  await openEnergy(page, `?site=${SITE}`);

  await expect(page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: SITE })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "24h" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("energy-it")).toContainText("2,100.0 kWh");
  await expect(page.getByTestId("energy-facility")).toContainText("2,940.0 kWh");
  await expect(page.getByTestId("energy-pue")).toContainText("1.40");
  // The meters stopped an hour or more ago: the figures say how far they are read, and PUE covers the same time.
  await expect(page.getByTestId("energy-facility")).toContainText(
    `read through ${seeded.lastReading.slice(0, 16).replace("T", " ")} UTC`,
  );
  // Facility meters exist, so the bill is the facility energy at the flat tariff.
  await expect(page.getByTestId("energy-cost-basis")).toHaveAttribute("data-basis", "facility");
  await expect(page.getByTestId("energy-cost")).toContainText(`${en(seeded.facilityKwh * PRICE_PER_KWH, 2)} EUR`);
  await expect(page.getByTestId("energy-cost")).toContainText("0.21 EUR/kWh flat");
  await expect(page.getByTestId("energy-co2e")).toContainText(
    `${en((seeded.facilityKwh * G_CO2E_PER_KWH) / 1000, 1)} kg`,
  );
  expect(Number(await page.getByTestId("energy-cost").getAttribute("data-value"))).toBeCloseTo(617.4, 4);

  // GPU energy is at least what this spec pushed (another spec may push to other ams1 GPUs), and the page says what the API says.
  const report = page.getByTestId("energy-report");
  const gpuKwh = Number(await page.getByTestId("energy-gpu").getAttribute("data-value"));
  expect(gpuKwh).toBeGreaterThanOrEqual(seeded.gpuKwh - 1e-6);
  const from = await report.getAttribute("data-from");
  const to = await report.getAttribute("data-to");
  const api = await page.request.get(`/api/v1/energy/summary?site=${SITE}&from=${from}&to=${to}`);
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({
    itKwh: 2100,
    facilityKwh: 2940,
    pue: 1.4,
    pueTo: seeded.lastReading.replace("Z", ".000Z"),
    gpuKwh,
    currency: "EUR",
    costBasis: "facility",
  });
  await expect(page.getByTestId("energy-gpu")).toContainText(`${en(gpuKwh, 2)} kWh`);

  await expect(page.getByTestId("meter-row")).toHaveCount(2);
  await expect(page.getByTestId("meter-row").filter({ hasText: METERS.facility })).toContainText("2,940.0 kWh");
  await expect(page.getByTestId("meter-row").filter({ hasText: METERS.it })).toContainText("2,100.0 kWh");
  await expect(page.getByTestId("meter-row").filter({ hasText: METERS.it })).toContainText("read every 15 min");
  await expect(page.getByTestId("readings-how-to")).toHaveCount(0);
});

// Until issue 13 the hour read only at its ends was listed as a gap and left out of the totals.
test("an hour between two readings counts as a coarse interval; meters overdue since their last reading are a gap", async ({
  page,
}) => {
  await signInAs(page, "viewer");
  await openEnergy(page, `?site=${SITE}`);
  const coarse = page.getByTestId("meter-coarse");
  await expect(coarse).toBeVisible();
  for (const meter of Object.values(METERS)) {
    const item = coarse.locator(`[data-testid="meter-coarse-item"][data-meter="${meter}"]`);
    await expect(item).toContainText(`${seeded.holeFrom} → ${seeded.holeTo}`);
    await expect(item).toContainText("readings 1 h apart");
    await expect(item).toContainText("counted in full");
  }
  await expect(coarse.locator(`[data-testid="meter-coarse-item"][data-meter="${METERS.it}"]`)).toContainText(
    "100.0 kWh",
  );
  // The meters have said nothing since an hour before the current hour, at a 15-minute cadence: that is a gap, and only that.
  const gaps = page.getByTestId("meter-gaps");
  for (const meter of Object.values(METERS)) {
    const gap = gaps.locator(`[data-testid="meter-gap"][data-meter="${meter}"]`);
    await expect(gap).toHaveCount(1);
    await expect(gap).toContainText(`no reading since ${seeded.lastReading}`);
  }
  await expect(gaps).toContainText("no energy is assumed across it");
  await expect(gaps).toContainText("Before a meter's first reading is no gap");
});

test("the Energy page opens on the site with the latest meter readings, and then on the site the operator picked", async ({
  page,
}) => {
  await signInAs(page, "viewer");
  await openEnergy(page, "");
  // ams1 has this spec's readings, pdx1 no meter (ams1 is also first by name: tests/integration/energy/register-intervals.test.ts tells the two apart).
  await expect(page.getByTestId("energy-report")).toHaveAttribute("data-site", SITE);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "pdx1" }).click();
  await expect(page).toHaveURL(/site=pdx1/);
  await expect(page.getByTestId("energy-report")).toHaveAttribute("data-site", "pdx1");
  await openEnergy(page, "");
  await expect(page.getByTestId("energy-report")).toHaveAttribute("data-site", "pdx1");
  await expect(page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "pdx1" })).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("the trend chart draws energy and PUE per hour, and per day for 30 days", async ({ page }) => {
  await signInAs(page, "viewer");
  await openEnergy(page, `?site=${SITE}`);
  const chart = page.getByTestId("energy-trend-chart");
  await expect(chart).toHaveAttribute("data-ready", "true");
  await expect(chart).toHaveAttribute("data-series", "facility it gpu pue");
  await expect(page.getByTestId("energy-trend-step")).toHaveAttribute("data-step", "hour");
  // 24 hours that do not start on the hour touch 25 hour slots.
  expect(Number(await chart.getAttribute("data-steps"))).toBeGreaterThanOrEqual(24);
  // Two panels: kWh bars with the GPU line, and PUE underneath.
  const canvases = chart.locator("canvas");
  await expect(canvases).toHaveCount(2);
  for (const canvas of await canvases.all()) {
    await expect(canvas).toBeVisible();
    const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
  }

  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "30d" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await expect(page.getByTestId("energy-trend-step")).toHaveAttribute("data-step", "day");
  await expect(page.getByTestId("energy-trend-chart")).toHaveAttribute("data-ready", "true");
  // Every reading is inside 30 days too, so the totals do not change.
  await expect(page.getByTestId("energy-it")).toContainText("2,100.0 kWh");
  await expect(page.getByTestId("energy-pue")).toContainText("1.40");
});

test("racks are listed by power against their cap, and racks over the threshold are flagged as findings", async ({
  page,
}) => {
  await signInAs(page, "viewer");
  await openEnergy(page, `?site=${SITE}`);
  const rack = page.locator(`[data-testid="rack-power-row"][data-rack="${RACK}"]`);
  const capPct = (4 * GPU_W * 100) / (RACK_CAP_KW * 1000);
  await expect(rack).toContainText("4 / 40");
  await expect(rack).toContainText(`${en((4 * GPU_W) / 1000, 2)} kW`);
  await expect(rack.getByTestId("rack-cap-pct")).toHaveText(`${en(capPct, 1)} %`);
  await expect(rack).toContainText(`${en(seeded.gpuKwh, 2)} kWh`);
  await expect(rack).not.toHaveAttribute("data-over-threshold");
  // Default thresholds: 6 % of cap is far below 90 %, and PUE 1.40 is within 1.50.
  await expect(page.getByTestId("energy-no-findings")).toContainText("No findings");

  const thresholds = page.getByRole("form", { name: "Alert thresholds" });
  await thresholds.getByLabel("Rack above").fill("5");
  await thresholds.getByLabel("PUE above").fill("1.3");
  await thresholds.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/rackCapPct=5&pueTarget=1.3/);
  await expect(rack).toHaveAttribute("data-over-threshold", "true");
  await expect(rack).toContainText("over 5 %");
  await expect(page.locator('[data-testid="energy-finding"][data-kind="rack_power_over_cap"]')).toContainText(
    `${RACK} draws 1.20 kW, ${en(capPct, 1)} % of its ${RACK_CAP_KW} kW cap (alert above 5 %)`,
  );
  await expect(page.locator('[data-testid="energy-finding"][data-kind="pue_above_target"]')).toContainText(
    "PUE over this period is 1.40, above the target of 1.30",
  );
  await expect(page.getByTestId("energy-pue")).toContainText("above target 1.30");
});

test("the CSV link downloads the period's per-day summary with the API's columns", async ({ page }) => {
  await signInAs(page, "viewer");
  await openEnergy(page, `?site=${SITE}`);
  const link = page.getByRole("link", { name: "Download CSV" });
  await expect(link).toHaveAttribute("href", /^\/api\/v1\/energy\/summary\.csv\?site=ams1&from=.+&to=.+/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`rackmind-energy-${SITE}.csv`);
  const [header, ...rows] = readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(header).toBe(
    "date,from,to,itKwh,facilityKwh,pue,gpuKwh,cost,currency,co2eKg,costBasis,gaps,coarseSplit,resets",
  );
  const columns = header!.split(",");
  const sum = (name: string) => rows.reduce((n, row) => n + Number(row.split(",")[columns.indexOf(name)]), 0);
  expect(sum("itKwh")).toBeCloseTo(seeded.itKwh, 4);
  expect(sum("facilityKwh")).toBeCloseTo(seeded.facilityKwh, 4);
  expect(sum("cost")).toBeCloseTo(seeded.facilityKwh * PRICE_PER_KWH, 2);
  expect(rows.every((row) => row.includes(",EUR,"))).toBe(true);
});

test("a site without meters says how to post readings, and bills what GPU telemetry measured", async ({ page }) => {
  await signInAs(page, "viewer");
  await openEnergy(page, "?site=pdx1");
  await expect(page.getByRole("heading", { name: "Connect facility and IT meters" })).toBeVisible();
  const example = page.getByTestId("readings-example");
  await expect(example).toContainText("/api/v1/energy/readings");
  await expect(example).toContainText('"site": "pdx1"');
  await expect(page.getByTestId("energy-pue")).toContainText("—");
  await expect(page.getByTestId("energy-pue")).toContainText("needs facility and IT energy");
  await expect(page.getByTestId("energy-cost-basis")).toHaveAttribute("data-basis", "gpu");
  await expect(page.getByTestId("meter-gaps")).toHaveCount(0);
  await expect(page.getByTestId("meter-row")).toHaveCount(0);
});

test("an operator sets a time-of-use tariff; a viewer sees it read-only", async ({ page }) => {
  await signInAs(page, "operator");
  await openEnergy(page, "?site=pdx1");
  const form = page.getByRole("form", { name: "Time-of-use tariff" });
  await form.getByRole("button", { name: "Add period" }).click();
  await form.getByLabel("Period 1 from").fill("07:10");
  await form.getByLabel("Period 1 price per kWh").fill("0.095");
  await form.getByRole("button", { name: "Save tariff" }).click();
  // The API's rule, in its own words: periods start on quarter hours.
  await expect(page.getByRole("alert").filter({ hasText: "The tariff was not saved" })).toContainText("quarter hour");

  await form.getByLabel("Period 1 from").fill("07:00");
  await form.getByRole("button", { name: "Save tariff" }).click();
  await expect(form.getByRole("status")).toContainText("Saved");
  await expect(page.getByTestId("energy-cost")).toContainText("time of use (1 period)");

  await signInAs(page, "viewer");
  await openEnergy(page, "?site=pdx1");
  await expect(page.getByRole("form", { name: "Time-of-use tariff" })).toHaveCount(0);
  await expect(page.getByTestId("tariff-period")).toContainText("07:00–23:00");
  await expect(page.getByTestId("tariff-period")).toContainText("0.095 USD/kWh");
  await expect(page.getByText("needs the operator role")).toBeVisible();
});

test("an unknown site or a period the API would refuse is explained, not an error page", async ({ page }) => {
  await signInAs(page, "viewer");
  const notice = page.getByRole("alert").filter({ hasText: "This view cannot be shown" });
  await page.goto("/energy?site=nowhere");
  await expect(notice).toContainText("There is no site called “nowhere”");
  await page.goto(`/energy?site=${SITE}&from=2026-03-02&to=2026-03-01`);
  await expect(notice).toContainText("from must be before to");
  await notice.getByRole("link", { name: `Show the last 24 hours at ${SITE}` }).click();
  await expect(page.getByTestId("energy-report")).toBeVisible();
});
