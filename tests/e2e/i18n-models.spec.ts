import type { Browser, Page } from "@playwright/test";
import { englishFragments, expectNoEnglish } from "./support/i18n-scan";
import { reportServerGpus } from "./support/telemetry";
import { expect, signInAs, test } from "./support/test";
import { moveAliasViaApi, trainVersionViaApi } from "./support/training";

// The model registry's pages in Chinese show none of the catalogue's English:
// the models list, a model's page, the compare page of two of its versions and
// a version's page, each with real data (two trained versions, production on
// v2). The same pages in English show their English headings, so the scan has
// something to find when the language is wrong.

// Unique per run, so a rerun against the same server starts a new model.
const MODEL = `i18n-reg-${Date.now().toString(36)}`;

type Visit = { url: string; zh: string; en: string; ready?: (page: Page) => Promise<void> };

/** The version metrics chart has drawn: its canvases carry their text alternatives. */
const chartDrawn = (page: Page) =>
  expect(page.getByTestId("version-metrics-chart")).toHaveAttribute("data-ready", "true");

const visits: Visit[] = [
  { url: `/models?q=${MODEL}`, zh: "模型", en: "Models" },
  { url: `/models/${MODEL}`, zh: "各版本指标", en: "Figures over versions", ready: chartDrawn },
  { url: `/models/${MODEL}/compare?versions=1,2`, zh: "超参数", en: "Hyperparameters" },
  { url: `/models/${MODEL}/versions/2`, zh: "血缘", en: "Lineage" },
];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request, state }) => {
  test.setTimeout(420_000);
  // The scheduler places jobs only on GPUs that report (models.spec.ts uses this server the same way).
  await reportServerGpus(request, state, "pdx1-r03-n02");
  await trainVersionViaApi(request, state, MODEL, { learningRate: 0.1 });
  await reportServerGpus(request, state, "pdx1-r03-n02");
  await trainVersionViaApi(request, state, MODEL, { learningRate: 0.05 });
  await moveAliasViaApi(request, state, MODEL, "production", 2);
});

/** A signed-in viewer in a fresh browser whose language cookie is Chinese (their stored preference untouched). */
async function chinesePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL }]);
  const page = await context.newPage();
  await signInAs(page, "viewer");
  return page;
}

test("the model registry's pages in Chinese show no English from the catalogue", async ({ browser, state }) => {
  const page = await chinesePage(browser, state.baseURL);
  const fragments = englishFragments();
  for (const visit of visits) {
    await page.goto(visit.url);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: visit.zh, exact: true }).first()).toBeVisible();
    await visit.ready?.(page);
    await expectNoEnglish(page, fragments, visit.url);
  }
  await page.context().close();
});

test("the same pages in English show their English headings", async ({ page }) => {
  await signInAs(page, "viewer");
  for (const visit of visits) {
    await page.goto(visit.url);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: visit.en, exact: true }).first()).toBeVisible();
  }
});
