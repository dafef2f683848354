import type { Browser, Page } from "@playwright/test";
import { englishFragments, englishOn, expectNoEnglish, readableText } from "./support/i18n-scan";
import { readState } from "./support/state";
import { reportServerGpus } from "./support/telemetry";
import { expect, signInAs, test } from "./support/test";
import { trainVersionViaApi } from "./support/training";

// The operations pages (Deployments, a deployment, Energy, Telemetry) in
// Chinese show none of the catalogue's English, and in English they do (so
// the scan finds what it looks for). Each language is a fresh browser: the
// Chinese one carries the NEXT_LOCALE cookie, so no user's stored choice
// changes. The operator signs in, so the forms operators get are scanned too.
// The deployment has a trained model and a few predictions behind it, so its
// page shows figures, charts and drift rather than only empty states. It is
// placed on no server: the GPU events list is the Models pages' component,
// scanned by their spec, and here says only why there are none.

const RUN = Date.now().toString(36);
const MODEL = `zh-ops-${RUN}`;
const DEPLOYMENT = `zh-ops-${RUN}`;
// GPUs of this server report before training (the scheduler's rule).
const HOST = "pdx1-r04-n08";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(300_000);
  const state = readState();
  const request = await playwright.request.newContext({ baseURL: state.baseURL });
  const auth = { authorization: `Bearer ${state.adminToken}` };
  await reportServerGpus(request, state, HOST);
  expect(await trainVersionViaApi(request, state, MODEL)).toBe(1);
  const created = await request.post("/api/v1/deployments", {
    headers: auth,
    data: { name: DEPLOYMENT, model: MODEL, version: 1 },
  });
  expect(created.status(), await created.text()).toBe(201);
  // Serving picks a new deployment up within a second; until then a predict is refused.
  await expect
    .poll(
      async () =>
        (
          await request.post(`/api/v1/deployments/${DEPLOYMENT}/predict`, {
            headers: auth,
            data: {
              instances: [
                { a: 0, b: 1 },
                { a: 1, b: 1 },
                { a: 0, b: 0 },
              ],
            },
          })
        ).status(),
      { timeout: 30_000 },
    )
    .toBe(200);
  await request.dispose();
});

type Visit = {
  url: string;
  /** The page's h1 in each language. */
  title: { zh: string; en: string };
  /** A second heading (a card's) in each language, and what shows the page has finished streaming in. */
  heading: { zh: string; en: string };
  ready: (page: Page) => Promise<void>;
};

const visits: Visit[] = [
  {
    url: "/deployments",
    title: { zh: "部署", en: "Deployments" },
    heading: { zh: "全部部署", en: "All deployments" },
    ready: (page) => expect(page.getByTestId("deployment-row").filter({ hasText: DEPLOYMENT })).toBeVisible(),
  },
  {
    url: `/deployments/${DEPLOYMENT}`,
    title: { zh: DEPLOYMENT, en: DEPLOYMENT },
    heading: { zh: "服务", en: "Serving" },
    ready: async (page) => {
      await expect(page.getByTestId("version-figures").first()).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId("chart-requests-summary")).toBeAttached();
    },
  },
  {
    url: "/energy",
    title: { zh: "能耗", en: "Energy" },
    heading: { zh: "机架功率与上限对比", en: "Racks by power against cap" },
    ready: (page) => expect(page.getByTestId("energy-report")).toBeVisible({ timeout: 20_000 }),
  },
  {
    url: "/telemetry",
    title: { zh: "遥测", en: "Telemetry" },
    heading: { zh: "抓取目标", en: "Scrape targets" },
    ready: (page) => expect(page.getByTestId("scrape-networks")).toBeVisible(),
  },
];

async function signedIn(browser: Browser, baseURL: string, locale: "zh-CN" | "en") {
  const context = await browser.newContext({ locale: "en-US" });
  if (locale === "zh-CN") await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL }]);
  const page = await context.newPage();
  await signInAs(page, "operator");
  return { context, page };
}

test("the operations pages in Chinese show no English from the catalogue", async ({ browser, state }) => {
  test.setTimeout(120_000);
  const fragments = englishFragments();
  const { context, page } = await signedIn(browser, state.baseURL, "zh-CN");
  for (const visit of visits) {
    await page.goto(visit.url);
    await expect(page.getByRole("heading", { level: 1, name: visit.title.zh })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await visit.ready(page);
    await expect(page.getByRole("heading", { name: visit.heading.zh, exact: true })).toBeVisible();
    await expectNoEnglish(page, fragments, visit.url);
  }
  await context.close();
});

test("the same pages in English show the English the scan looks for", async ({ browser, state }) => {
  test.setTimeout(120_000);
  const fragments = englishFragments();
  const { context, page } = await signedIn(browser, state.baseURL, "en");
  for (const visit of visits) {
    await page.goto(visit.url);
    await expect(page.getByRole("heading", { level: 1, name: visit.title.en })).toBeVisible();
    await visit.ready(page);
    await expect(page.getByRole("heading", { name: visit.heading.en, exact: true })).toBeVisible();
    expect(englishOn(await readableText(page), fragments), visit.url).toContain(visit.heading.en);
  }
  await context.close();
});
