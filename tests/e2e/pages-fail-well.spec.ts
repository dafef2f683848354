import type { Page, Request } from "@playwright/test";
import { expect, signInAs, test } from "./support/test";

// Pages fail well: a record or URL that does not exist is the dashboard's own
// not-found (sidebar, a way back, still a 404), and a client form names a bad
// value beside its field with the domain's schema, before any request.

/** The dashboard shell is there: the main navigation and who is signed in. */
async function expectShell(page: Page): Promise<void> {
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

/** Every request to `path` with `method` the page sends from now on. */
function recordRequests(page: Page, method: string, path: string): Request[] {
  const sent: Request[] = [];
  page.on("request", (req) => {
    if (req.method() === method && new URL(req.url()).pathname === path) sent.push(req);
  });
  return sent;
}

test("an unknown GPU, server, rack, job or dataset is the dashboard's not-found, with the sidebar and a way back", async ({
  page,
}) => {
  await signInAs(page, "viewer");
  const cases = [
    {
      url: "/gpus/GPU-00000000-0000-0000-0000-000000000000",
      title: "No such GPU",
      back: "Back to the fleet",
      lands: /\/fleet$/,
    },
    { url: "/servers/no-such-host", title: "No such server", back: "Back to the fleet", lands: /\/fleet$/ },
    { url: "/racks/ams1/no-such-rack", title: "No such rack", back: "All racks", lands: /\/racks$/ },
    { url: "/jobs/00000000-0000-4000-8000-000000000000", title: "No such job", back: "All jobs", lands: /\/jobs$/ },
    { url: "/jobs/not-a-job-id", title: "No such job", back: "All jobs", lands: /\/jobs$/ },
    { url: "/datasets/no-such-dataset", title: "No such dataset", back: "All datasets", lands: /\/datasets$/ },
    {
      url: "/deployments/no-such-deployment",
      title: "No such deployment",
      back: "All deployments",
      lands: /\/deployments$/,
    },
  ];
  for (const c of cases) {
    const res = await page.goto(c.url);
    expect(res?.status(), c.url).toBe(404);
    const notFound = page.getByTestId("not-found");
    await expect(notFound.getByRole("heading", { name: c.title, level: 1 })).toBeVisible();
    await expect(notFound.getByTestId("not-found-path")).toHaveText(c.url);
    await expectShell(page);
    await notFound.getByRole("link", { name: c.back }).click();
    await expect(page).toHaveURL(c.lands);
    await expect(page.getByTestId("not-found")).toHaveCount(0);
  }
});

test("an unknown URL is a 404 in the dashboard shell when signed in, and offers the sign-in page when not", async ({
  page,
}) => {
  const signedOut = await page.goto("/no-such-page");
  expect(signedOut?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("The link may be mistyped");
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await signInAs(page, "viewer");
  for (const url of ["/no-such-page", "/fleet/no/such/page"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "No such page", level: 1 })).toBeVisible();
    await expectShell(page);
  }
  // Not the bare Next page: that one says "This page could not be found."
  await expect(page.getByText("This page could not be found")).toHaveCount(0);
  await page.getByTestId("not-found").getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
});

test("the scrape-target form names a URL that is not http(s) beside the field, without asking the API", async ({
  page,
}) => {
  await signInAs(page, "operator");
  await page.goto("/telemetry");
  const sent = recordRequests(page, "POST", "/api/v1/telemetry/targets");
  const form = page.getByRole("form", { name: "Add a scrape target" });

  await form.getByLabel("Exporter URL").fill("ftp://gpu-node-17:9400/metrics");
  await form.getByRole("button", { name: "Add target" }).click();
  const urlError = form.locator('[data-testid="field-error"][data-field="target-url"]');
  await expect(urlError).toHaveText("an http(s) URL such as http://node-17:9400/metrics");
  await expect(form.getByLabel("Exporter URL")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Exporter URL").fill("http://gpu-node-17:9400/metrics");
  await form.getByLabel("Interval (seconds)").fill("2");
  await form.getByRole("button", { name: "Add target" }).click();
  await expect(form.locator('[data-testid="field-error"][data-field="target-interval"]')).toHaveText("at least 5");
  await expect(urlError).toHaveCount(0);
  expect(sent, "no request left the page").toHaveLength(0);
});

test("the job and settings forms check their values with the domain's schema before sending", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/jobs");
  const jobPosts = recordRequests(page, "POST", "/api/v1/jobs");
  const job = page.getByRole("form", { name: "New training job" });
  await job.getByLabel("Epochs").fill("1.5");
  await job.getByLabel("Team").fill("ml platform");
  await job.getByLabel("Repeat (cron)").fill("every night");
  await job.getByRole("button", { name: "Submit job" }).click();
  await expect(job.locator('[data-testid="field-error"][data-field="job-epochs"]')).toHaveText("a whole number");
  await expect(job.locator('[data-testid="field-error"][data-field="job-team"]')).toHaveText(
    "letters, digits, dot, dash and underscore only",
  );
  await expect(job.locator('[data-testid="field-error"][data-field="job-cron"]')).toContainText(
    "is not a five-field cron expression",
  );
  expect(jobPosts).toHaveLength(0);

  await page.goto("/telemetry");
  const settingsPuts = recordRequests(page, "PUT", "/api/v1/telemetry/settings");
  const settings = page.getByRole("form", { name: "Telemetry settings" });
  await settings.getByLabel("Degraded above").fill("130");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.locator('[data-testid="field-error"][data-field="setting-degradedTempC"]')).toHaveText(
    "at most 120",
  );
  await expect(settings.getByRole("status")).toHaveCount(0);
  expect(settingsPuts).toHaveLength(0);
});
