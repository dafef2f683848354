import type { Page } from "@playwright/test";
import { reportServerGpus } from "./support/telemetry";
import { readState } from "./support/state";
import { expect, signInAs, test } from "./support/test";
import { moveAliasViaApi, trainVersionViaApi } from "./support/training";

// Issue 16's acceptance through the pages: an operator deploys the production
// alias of a trained model from the Deploy form, predicts from the "try it"
// form, sees the traffic charts and the drift table fill and live accuracy
// follow feedback; a canary on the protected alias can be promoted by an
// admin only (the operator is told why, in the API's words); a viewer reads
// everything and can change nothing. Unique per run, so a rerun starts afresh.
const RUN = Date.now().toString(36);
const MODEL = `e2e-dep-${RUN}`;
const DEPLOYMENT = `e2e-web-${RUN}`;
// GPUs of this server report before training (the scheduler's rule) and it is the placement server; no other spec uses it.
const HOST = "pdx1-r03-n05";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(420_000);
  const state = readState();
  const request = await playwright.request.newContext({ baseURL: state.baseURL });
  await reportServerGpus(request, state, HOST);
  expect(await trainVersionViaApi(request, state, MODEL)).toBe(1);
  await reportServerGpus(request, state, HOST);
  expect(await trainVersionViaApi(request, state, MODEL, { learningRate: 0.05 })).toBe(2);
  await moveAliasViaApi(request, state, MODEL, "production", 1);
  await request.dispose();
});

/** Predicts one instance from the "try it" form and answers the label the model gave. */
async function predictFromForm(page: Page, a: number, b: number): Promise<string> {
  const form = page.getByRole("form", { name: "Try it" });
  const answered = page.getByTestId("try-request-id");
  const before = (await answered.count()) > 0 ? await answered.textContent() : null;
  await form.getByLabel("a", { exact: true }).fill(String(a));
  await form.getByLabel("b", { exact: true }).fill(String(b));
  await form.getByRole("button", { name: "Predict" }).click();
  // A new answer has a new request id.
  await expect(page.getByTestId("try-request-id")).not.toHaveText(before ?? "", { timeout: 15_000 });
  await expect(page.getByTestId("try-request-id")).toHaveText(/^[0-9a-f-]{36}$/);
  return (await page.getByTestId("try-label").textContent())!;
}

test("an operator deploys production from the Deploy form, predicts, and watches traffic, drift and accuracy fill", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, "operator");
  await page.goto("/deployments");
  await expect(page.getByRole("link", { name: "Deployments", exact: true })).not.toContainText("soon");
  const form = page.getByRole("form", { name: "Deploy a model" });
  await form.getByLabel("Name").fill(DEPLOYMENT);
  await form.getByLabel("Model", { exact: true }).selectOption(MODEL);
  await form.getByLabel("Version or alias").selectOption("alias:production");
  // A misspelt server is refused in the API's words, and nothing is deployed.
  await form.getByLabel("Servers").fill("no-such-host");
  await form.getByRole("button", { name: "Deploy" }).click();
  await expect(form.getByTestId("deploy-error")).toContainText("No server is registered as no-such-host");
  await expect(page).toHaveURL(/\/deployments$/);
  await form.getByLabel("Servers").fill(HOST);
  await form.getByRole("button", { name: "Deploy" }).click();
  await page.waitForURL(new RegExp(`/deployments/${DEPLOYMENT}$`));

  await expect(page.getByRole("heading", { level: 1, name: DEPLOYMENT })).toBeVisible();
  await expect(page.getByTestId("fact-status")).toContainText("active");
  await expect(page.getByTestId("fact-alias")).toHaveText(`${MODEL}@production`);
  await expect(page.getByTestId("fact-stable").getByRole("link")).toHaveAttribute(
    "href",
    `/models/${MODEL}/versions/1`,
  );
  await expect(page.getByTestId("fact-split")).toHaveText("v1 100 %");
  await expect(page.getByTestId("fact-servers").getByRole("link", { name: HOST })).toHaveAttribute(
    "href",
    `/servers/${HOST}`,
  );
  // Before any request: nothing is drawn as 0, each figure says why.
  await expect(page.getByTestId("chart-requests-summary")).toContainText("no requests in the last 60 min");
  await expect(page.getByTestId("live-accuracy")).toContainText("not known");
  await expect(page.getByTestId("energy-per-1k")).toContainText("Not known");
  await expect(page.getByTestId("deployment-event").first()).toContainText(`deployed ${MODEL}@production (version 1)`);

  let label = "";
  for (const [a, b] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
    [1, 0],
  ] as const)
    label = await predictFromForm(page, a, b);
  expect(label).toMatch(/^[01]$/);
  await expect(page.getByTestId("try-version")).toHaveText(`${MODEL} v1`);

  // The page refreshes itself: the charts' text alternatives count the requests, the drift table fills.
  await expect(page.getByTestId("chart-requests-summary")).toContainText(/v1 stable [1-9]\d* requests in all/, {
    timeout: 30_000,
  });
  await expect(page.getByTestId("chart-requests")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("chart-latency-summary")).toContainText(/v1 stable latest minute p50 [\d.]+ ms, p95/);
  await expect(page.getByTestId("stat-requests").locator("p").first()).toHaveText("5");
  await expect(page.getByTestId("drift-row")).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId("drift-row").first()).toContainText(/PSI/);
  await expect(page.getByTestId("drift-flag").first()).toContainText(/^(drifting|no drift)/);
  // Placed on a server whose GPUs send no power: energy per prediction stays unknown, never 0.
  await expect(page.getByTestId("energy-per-1k")).toContainText("sent no power telemetry");

  // Feedback: the last answer's request id is filled in; its true label makes live accuracy 1 of 1.
  const feedback = page.getByRole("form", { name: "Send feedback" });
  await expect(feedback.getByLabel("Request id")).toHaveValue(/^[0-9a-f-]{36}$/);
  await feedback.getByLabel("True label").selectOption(label);
  await feedback.getByRole("button", { name: "Send feedback" }).click();
  await expect(feedback.getByRole("status")).toContainText("Recorded");
  await expect(page.getByTestId("live-accuracy")).toHaveText("100.0 % (1 of 1 labelled right)", { timeout: 30_000 });
  await expect(page.getByTestId("label-coverage")).toContainText("20 % of logged predictions labelled");

  // The list shows it with its figures, and the version's lineage links it.
  await page.goto("/deployments");
  const row = page.getByTestId("deployment-row").filter({ hasText: DEPLOYMENT });
  await expect(row).toContainText("production");
  await expect(row.getByTestId("deployment-requests")).toHaveText("5");
  await expect(row.getByTestId("deployment-accuracy")).toContainText("100.0 %");
  await expect(row.getByTestId("deployment-p95")).toContainText("ms");
  await page.goto(`/models/${MODEL}/versions/1`);
  await expect(page.getByTestId("lineage-deployments").getByRole("link")).toHaveAttribute(
    "href",
    `/deployments/${DEPLOYMENT}`,
  );
  await expect(page.getByTestId("lineage-deployments")).toContainText("(stable)");
});

test("an operator starts a canary on the protected alias and is told why they cannot promote it; an admin promotes, rolls back and stops it", async ({
  page,
}) => {
  await signInAs(page, "operator");
  await page.goto(`/deployments/${DEPLOYMENT}`);
  const controls = page.getByTestId("deployment-controls");
  await controls.getByRole("button", { name: "Start a canary" }).click();
  await controls.getByLabel("Canary version").selectOption("2");
  // A share over 1 is named beside its field before anything is sent.
  await controls.getByLabel("Canary share").fill("1.5");
  await controls.getByRole("button", { name: "Confirm: start a canary" }).click();
  await expect(controls.getByTestId("field-error")).toHaveText("at most 1");
  await expect(page.getByTestId("fact-canary")).toHaveText("none");
  await controls.getByLabel("Canary share").fill("0.1");
  await controls.getByRole("button", { name: "Confirm: start a canary" }).click();
  await expect(page.getByTestId("fact-split")).toHaveText("v1 90 % · v2 10 % (canary)");
  await expect(page.getByTestId("deployment-event").first()).toContainText("canary version 2 at 10%");
  await expect(page.getByTestId("canary-reading")).toContainText("waiting for traffic");
  await expect(page.getByRole("table", { name: "Current gate reading" })).toContainText("each side needs 200");
  await controls.getByRole("button", { name: "Promote canary v2" }).click();
  await controls.getByLabel(/^Note/).fill("v2 looks fine to me");
  await controls.getByRole("button", { name: "Confirm: promote canary v2" }).click();
  await expect(controls.getByRole("alert")).toHaveText(
    "The alias production is protected: moving it needs the admin role (models.promote); you are operator",
  );
  await expect(page.getByTestId("fact-stable")).toContainText("v1");

  await signInAs(page, "admin");
  await page.goto(`/deployments/${DEPLOYMENT}`);
  await controls.getByRole("button", { name: "Promote canary v2" }).click();
  // An admin is asked for the note before the request is sent.
  await controls.getByRole("button", { name: "Confirm: promote canary v2" }).click();
  await expect(controls.getByTestId("field-error")).toHaveText("required: production is protected");
  await controls.getByLabel(/^Note/).fill("canary held; promoting");
  await controls.getByRole("button", { name: "Confirm: promote canary v2" }).click();
  await expect(page.getByTestId("fact-stable")).toContainText("v2");
  await expect(page.getByTestId("fact-canary")).toHaveText("none");
  await expect(page.getByTestId("deployment-event").first()).toContainText("promoted canary version 2 over version 1");
  await expect(page.getByTestId("deployment-event").first()).toContainText("user:admin");

  // Rolled back by hand: the alias moves back, and the event says so.
  await controls.getByRole("button", { name: "Roll back" }).click();
  await controls.getByLabel(/^Note/).fill("back to v1 for the e2e");
  await controls.getByRole("button", { name: "Confirm: roll back" }).click();
  await expect(page.getByTestId("fact-stable")).toContainText("v1");
  await expect(page.getByTestId("deployment-event").first()).toContainText("rolled back to version 1");
  // Undone once: there is no promotion left to roll back.
  await expect(controls.getByRole("button", { name: "Roll back" })).toHaveCount(0);

  // Stopped: predictions are refused (the answer in words), until it is started again.
  await controls.getByRole("button", { name: "Stop", exact: true }).click();
  await controls.getByRole("button", { name: "Confirm: stop" }).click();
  await expect(page.getByTestId("fact-status")).toContainText("stopped");
  const tryIt = page.getByRole("form", { name: "Try it" });
  await tryIt.getByLabel("a", { exact: true }).fill("1");
  await tryIt.getByLabel("b", { exact: true }).fill("1");
  await tryIt.getByRole("button", { name: "Predict" }).click();
  await expect(page.getByTestId("try-error")).toHaveText(`Deployment ${DEPLOYMENT} is stopped`);
  await controls.getByRole("button", { name: "Start", exact: true }).click();
  await controls.getByRole("button", { name: "Confirm: start" }).click();
  await expect(page.getByTestId("fact-status")).toContainText("active");
});

test("a viewer reads the deployments but sees no Deploy form, no controls and no try-it form", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/deployments");
  await expect(page.getByTestId("deployment-row").filter({ hasText: DEPLOYMENT })).toBeVisible();
  await expect(page.getByRole("form", { name: "Deploy a model" })).toHaveCount(0);
  await page.getByRole("link", { name: DEPLOYMENT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEPLOYMENT })).toBeVisible();
  await expect(page.getByTestId("chart-requests-summary")).toContainText("requests in all");
  await expect(page.getByTestId("deployment-controls")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Try it" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Send feedback" })).toHaveCount(0);
  await expect(page.getByTestId("try-it-role")).toContainText("you are viewer");
});
