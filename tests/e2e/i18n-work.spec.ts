import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { englishFragments, expectNoEnglish } from "./support/i18n-scan";
import type { E2eState } from "./support/state";
import { reportServerGpus } from "./support/telemetry";
import { expect, signInAs, test } from "./support/test";

// The Datasets, Jobs and GPU pages in Chinese show no English from the
// catalogue, each with real data made through the API (an uploaded dataset, a
// finished training job, a schedule, a GPU with telemetry and a failed one);
// and the same page in English shows its English heading, so the scan is not
// vacuous. The browser is put in Chinese with the NEXT_LOCALE cookie in a
// fresh context: the operator's stored language is left alone.

const CSV = [
  "length,width,colour,species",
  "5.1,3.5,red,setosa",
  "4.9,3.0,red,setosa",
  "4.7,?,blue,setosa",
  "5.1,3.5,red,setosa",
  "7.0,3.2,green,versicolor",
  "6.4,3.2,green,versicolor",
  "6.9,3.1,blue,versicolor",
  "5.5,2.3,green,versicolor",
  "6.3,3.3,red,virginica",
  "5.8,2.7,blue,virginica",
  "7.1,3.0,green,virginica",
  "6.3,2.9,red,virginica",
].join("\n");
// Pima has zeros that look like "not measured": its page also shows the zero-suspects notice.
const PIMA = readFileSync(path.resolve(import.meta.dirname, "../../../shared/datasets/pima-indians-diabetes.csv"));
const RUN = Date.now().toString(36);
const IRIS_NAME = `i18n-iris-${RUN}`;
const PIMA_NAME = `i18n-pima-${RUN}`;
// The jobs spec reports this server's GPUs too, so the scheduler can place jobs on them.
const REPORTING_HOST = "pdx1-r03-n01";
// Seeded failed (XID 48), as the GPU health spec describes; only read here.
const FAILED_HOST = "pdx1-r02-n03";

type Locale = "zh-CN" | "en";
type Heading = { name: string; level?: number };
type Check = { url: string; zh: Heading; en: Heading; ready?: (page: Page) => Promise<void> };

const auth = (state: E2eState) => ({ authorization: `Bearer ${state.adminToken}` });

async function uploadDataset(request: APIRequestContext, state: E2eState, query: string, csv: string | Buffer) {
  const res = await request.post(`/api/v1/datasets?${query}`, {
    headers: { ...auth(state), "content-type": "text/csv" },
    data: csv,
  });
  expect(res.status(), await res.text()).toBe(201);
}

async function gpuUuid(request: APIRequestContext, state: E2eState, hostname: string, index: number) {
  const res = await request.get(`/api/v1/gpus?hostname=${hostname}`, { headers: auth(state) });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { items: { uuid: string; index: number }[] }).items.find((g) => g.index === index)!
    .uuid;
}

/** A short training job through the API, waited for until it succeeds; its id. */
async function trainJob(request: APIRequestContext, state: E2eState): Promise<string> {
  const submitted = await request.post("/api/v1/jobs", {
    headers: auth(state),
    data: { type: "train", template: "xor-adam", modelName: `i18n-xor-${RUN}`, epochs: 40, gpus: 1 },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const { id } = (await submitted.json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/v1/jobs/${id}`, { headers: auth(state) })).json()) as { status: string })
          .status,
      {
        timeout: 180_000,
        intervals: [500, 1000, 2000],
      },
    )
    .toBe("succeeded");
  return id;
}

/** Opens a fresh browser in `locale` (by the cookie the sign-in page's switcher sets), signed in as the operator. */
async function openAs(browser: Browser, baseURL: string, locale: Locale): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  const page = await context.newPage();
  await signInAs(page, "operator");
  return page;
}

/** Each page in Chinese: its Chinese heading and no English fragment; then in English: its English heading. */
async function checkPages(browser: Browser, baseURL: string, checks: Check[]): Promise<void> {
  const fragments = englishFragments();
  const zh = await openAs(browser, baseURL, "zh-CN");
  for (const check of checks) {
    await zh.goto(check.url);
    await expect(zh.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(zh.getByRole("heading", check.zh).first()).toBeVisible();
    await check.ready?.(zh);
    await expectNoEnglish(zh, fragments, check.url);
  }
  await zh.context().close();
  const en = await openAs(browser, baseURL, "en");
  for (const check of checks) {
    await en.goto(check.url);
    await expect(en.getByRole("heading", check.en).first()).toBeVisible();
  }
  await en.context().close();
}

test.describe("datasets, jobs and GPUs in Chinese", () => {
  test("the Datasets page and two dataset versions (one with suspect zeros)", async ({ browser, request, state }) => {
    await uploadDataset(request, state, `name=${IRIS_NAME}&target=species`, CSV);
    await uploadDataset(request, state, `name=${PIMA_NAME}&header=false&target=8`, PIMA);
    const histogramsDrawn = async (page: Page) =>
      expect(page.getByTestId("column-histogram").first().locator("[data-ready]")).toHaveAttribute(
        "data-ready",
        "true",
      );
    await checkPages(browser, state.baseURL, [
      { url: "/datasets", zh: { name: "数据集", level: 1 }, en: { name: "Datasets", level: 1 } },
      {
        url: `/datasets/${IRIS_NAME}?version=1`,
        zh: { name: "清洗报告", level: 2 },
        en: { name: "Cleaning report", level: 2 },
        ready: histogramsDrawn,
      },
      {
        url: `/datasets/${PIMA_NAME}?version=1`,
        zh: { name: "分布", level: 2 },
        en: { name: "Distributions", level: 2 },
        ready: async (page) => {
          await expect(page.getByTestId("zero-suspects")).toBeVisible();
          await histogramsDrawn(page);
        },
      },
    ]);
  });

  test("the Jobs page, a finished training job and the schedules", async ({ browser, request, state }) => {
    test.setTimeout(240_000);
    await reportServerGpus(request, state, REPORTING_HOST);
    const id = await trainJob(request, state);
    const scheduled = await request.post("/api/v1/jobs", {
      headers: auth(state),
      data: { type: "train", template: "xor-adam", gpus: 1, schedule: { cron: "0 3 * * *", timezone: "UTC" } },
    });
    expect(scheduled.status(), await scheduled.text()).toBe(201);
    const schedule = (await scheduled.json()) as { id: string };
    try {
      await checkPages(browser, state.baseURL, [
        { url: "/jobs", zh: { name: "任务", level: 1 }, en: { name: "Jobs", level: 1 } },
        {
          url: `/jobs/${id}`,
          zh: { name: `训练任务 ${id.slice(0, 8)}`, level: 1 },
          en: { name: `Training job ${id.slice(0, 8)}`, level: 1 },
          ready: async (page) => {
            await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded");
            await expect(page.getByTestId("training-curves")).toHaveAttribute("data-epochs", "40");
          },
        },
        {
          url: "/jobs/schedules",
          zh: { name: "定时计划", level: 1 },
          en: { name: "Schedules", level: 1 },
          ready: (page) => expect(page.getByTestId("schedule-row").first()).toBeVisible(),
        },
      ]);
    } finally {
      // A schedule left behind would submit a job at 03:00 for as long as the test server runs.
      const deleted = await request.delete(`/api/v1/schedules/${schedule.id}`, { headers: auth(state) });
      expect(deleted.status(), await deleted.text()).toBeLessThan(300);
    }
  });

  test("a GPU with telemetry and its charts, and a failed GPU that never reported", async ({
    browser,
    request,
    state,
  }) => {
    await reportServerGpus(request, state, REPORTING_HOST);
    const reporting = await gpuUuid(request, state, REPORTING_HOST, 0);
    const failed = await gpuUuid(request, state, FAILED_HOST, 1);
    await checkPages(browser, state.baseURL, [
      {
        url: `/gpus/${reporting}`,
        zh: { name: `${REPORTING_HOST} 上的 GPU #0`, level: 1 },
        en: { name: `GPU #0 on ${REPORTING_HOST}`, level: 1 },
        ready: (page) => expect(page.getByTestId("chart-temperature-source")).toBeVisible(),
      },
      {
        url: `/gpus/${failed}`,
        zh: { name: `${FAILED_HOST} 上的 GPU #1`, level: 1 },
        en: { name: `GPU #1 on ${FAILED_HOST}`, level: 1 },
        ready: (page) => expect(page.getByTestId("gpu-no-telemetry")).toBeVisible(),
      },
    ]);
  });
});
