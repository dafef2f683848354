import type { Page } from "@playwright/test";
import { reportServerGpus } from "./support/telemetry";
import { expect, signInAs, test } from "./support/test";

// The model registry through its pages: two versions trained from the Jobs
// page, the way from a finished job to its version, compare, a promotion to
// production with a note and where it is recorded, and who sees which forms.
// Unique per run, so a rerun against the same server starts a new model.
const MODEL = `e2e-reg-${Date.now().toString(36)}`;
const NOTE = `v2 learns XOR with the wider layer (${MODEL})`;

// The scheduler places jobs only on GPUs that report: pdx1-r03-n02's do, before each test (no other spec uses it).
test.beforeEach(async ({ request, state }) => {
  await reportServerGpus(request, state, "pdx1-r03-n02");
});

test.describe.configure({ mode: "serial" });

/** Submits the xor-adam template under MODEL from the Jobs page and waits on the Job page until it succeeds. */
async function trainVersion(page: Page, settings: { learningRate: string; hidden: string }): Promise<void> {
  await page.goto("/jobs");
  const form = page.getByRole("form", { name: "New training job" });
  await form.getByLabel("Template").selectOption("xor-adam");
  await form.getByLabel("Model name").fill(MODEL);
  await form.getByLabel("Epochs").fill("60");
  await form.getByLabel("Learning rate").fill(settings.learningRate);
  await form.getByLabel("Hidden units").fill(settings.hidden);
  await form.getByRole("button", { name: "Submit job" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-status")).toHaveText("succeeded", { timeout: 180_000 });
}

test("an operator trains two versions, follows the finished job to its version, and compares them", async ({
  page,
}) => {
  test.setTimeout(420_000);
  await signInAs(page, "operator");
  await trainVersion(page, { learningRate: "0.1", hidden: "3" });

  // The finished job links to the version it registered, without a reload.
  const registered = page.getByTestId("job-model-version");
  await expect(registered).toContainText(`${MODEL} v1`);
  await registered.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/models/${MODEL}/versions/1$`));
  await expect(page.getByRole("heading", { level: 1, name: `${MODEL} v1` })).toBeVisible();
  await expect(page.getByTestId("lineage-dataset").getByRole("link")).toHaveAttribute(
    "href",
    /^\/datasets\/xor\?version=\d+$/,
  );
  await expect(page.getByTestId("lineage-job").getByRole("link")).toHaveAttribute("href", /^\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("lineage-deployments")).toContainText("not deployed");
  await expect(page.getByTestId("fact-dataset-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId("artifact-sha256")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId("artifact-snippet")).toContainText("tf.loadLayersModel(");
  await expect(page.getByTestId("run-gpu")).toHaveCount(1);
  await expect(page.getByTestId("figures-basis")).toContainText("training data");
  // The e2e fleet sends no power and no telemetry during the run: both say they are not known, never 0 or "none".
  await expect(page.getByTestId("run-energy").first()).toContainText("not known");
  await expect(page.getByTestId("gpu-events-basis")).toContainText("Not known");

  await trainVersion(page, { learningRate: "0.05", hidden: "4" });
  await expect(page.getByTestId("job-model-version")).toContainText(`${MODEL} v2`);

  // Pick both versions on the model page and compare them.
  await page.goto(`/models/${MODEL}`);
  await expect(page.getByTestId("version-row")).toHaveCount(2);
  await page.getByRole("checkbox", { name: "Compare version 1" }).check();
  await page.getByRole("checkbox", { name: "Compare version 2" }).check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${MODEL}/compare\\?versions=1,2$`));

  const hyperparameters = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Hyperparameters", exact: true }) });
  const learningRate = hyperparameters.locator('[data-testid=diff-row][data-key="learningRate"]');
  await expect(learningRate).toHaveAttribute("data-differs", "true");
  await expect(learningRate).toContainText("0.1");
  await expect(learningRate).toContainText("0.05");
  await expect(learningRate).toContainText("differs");
  await expect(hyperparameters.locator('[data-testid=diff-row][data-key="batchSize"]')).not.toContainText("differs");
  await hyperparameters.getByLabel("Show only differences").check();
  await expect(hyperparameters.locator('[data-testid=diff-row][data-key="batchSize"]')).toHaveCount(0);
  await expect(hyperparameters.locator('[data-testid=diff-row][data-key="model.hidden"]')).toContainText("differs");

  // Each figure of v2 with its signed change against v1.
  const accuracy = page.getByTestId("metric-row").filter({ hasText: /^Accuracy/ });
  await expect(accuracy.getByTestId("metric-delta")).toHaveText(/^([+−]\d+\.\d{3}|±0)$/);
  await expect(page.getByTestId("compared-version")).toHaveCount(2);
});

test("an admin promotes v2 to production with a note: the alias, its ledger and the Audit page show it", async ({
  page,
}) => {
  await signInAs(page, "admin");
  const beforePromotion = new Date().toISOString();
  await page.goto(`/models/${MODEL}`);
  const form = page.getByRole("form", { name: "Move an alias" });
  await form.getByLabel("Alias", { exact: true }).fill("production");
  await form.getByLabel("Version").selectOption("2");
  await expect(form.getByLabel("Note (required)")).toBeVisible();
  await form.getByRole("button", { name: "Move alias" }).click();
  // No note: the form says why before asking the API, in the API's words.
  await expect(form.getByTestId("field-error")).toHaveText("required for a protected alias");
  await form.getByLabel("Note (required)").fill(NOTE);
  await form.getByRole("button", { name: "Move alias" }).click();
  await expect(form.getByRole("status")).toHaveText("production now points at v2.");

  const production = page.getByTestId("alias-row").filter({ hasText: "production" });
  await expect(production.getByTestId("alias-target")).toHaveText("v2");
  await expect(production).toContainText("(protected)");
  await expect(production).toContainText("user:admin");
  const latest = page.getByTestId("alias-move").first();
  await expect(latest).toContainText(NOTE);
  await expect(latest).toContainText("user:admin");

  // Which version held production before the promotion? None; and a moment after it, v2 with the note.
  const lookup = page.getByRole("form", { name: "Which version held an alias at a time" });
  await lookup.getByLabel("At (UTC)").fill(beforePromotion);
  await lookup.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByTestId("alias-at-answer")).toContainText("no version held production");
  await lookup.getByLabel("At (UTC)").fill(new Date(Date.now() + 1000).toISOString());
  await lookup.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByTestId("alias-at-answer")).toContainText("production pointed at v2");
  await expect(page.getByTestId("alias-at-answer")).toContainText(NOTE);

  // The version page names the alias, and its dataset's page lists it for a recall.
  await page.goto(`/models/${MODEL}/versions/2`);
  await expect(page.getByTestId("lineage-aliases")).toContainText("production");
  await page.getByTestId("lineage-dataset").getByRole("link").click();
  const trained = page.getByTestId("trained-model").filter({ hasText: `${MODEL} v2` });
  await expect(trained).toContainText("production");

  // The Audit page, filtered by the model's target, has the move with its note.
  await page.goto("/audit");
  const filters = page.getByRole("search", { name: "Filter audit events" });
  await filters.getByLabel("Target").fill(`model:${MODEL}`);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]target=model%3A/);
  const move = page.getByTestId("audit-row").filter({ hasText: "model.alias_move" });
  await expect(move).toHaveCount(1);
  await expect(move).toContainText(NOTE);
});

test("an operator is told why production cannot be moved, and cannot archive the version it points at", async ({
  page,
}) => {
  await signInAs(page, "operator");
  await page.goto(`/models/${MODEL}`);
  const form = page.getByRole("form", { name: "Move an alias" });
  await form.getByLabel("Alias", { exact: true }).fill("production");
  await expect(form.getByTestId("move-alias-refusal")).toContainText("needs the admin role");
  await expect(form.getByRole("button", { name: "Move alias" })).toBeDisabled();
  // An unprotected alias is theirs to move.
  await form.getByLabel("Alias", { exact: true }).fill("staging");
  await expect(form.getByTestId("move-alias-refusal")).toHaveCount(0);
  await expect(form.getByRole("button", { name: "Move alias" })).toBeEnabled();

  await page.goto(`/models/${MODEL}/versions/2`);
  await page.getByRole("button", { name: "Archive version" }).click();
  await page.getByRole("button", { name: "Confirm archive" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "holds the alias production" })).toBeVisible();
});

test("a viewer reads the registry without any form to change it", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto(`/models?q=${MODEL}`);
  const row = page.getByTestId("model-row").filter({ hasText: MODEL });
  await expect(row).toContainText("v2");
  await expect(row.getByTestId("alias-badge")).toHaveText(/production/);
  await expect(row.getByTestId("alias-badge")).toHaveAttribute("data-protected", "true");
  await row.getByRole("link", { name: MODEL }).click();

  await expect(page.getByRole("heading", { level: 1, name: MODEL })).toBeVisible();
  await expect(page.getByTestId("version-metrics-chart")).toHaveAttribute("data-ready", "true");
  for (const name of [/Move an alias/, /description and tags/, /^Policy of/])
    await expect(page.getByRole("form", { name })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Approve|Reject|Withdraw|Save)/ })).toHaveCount(0);

  await page.goto(`/models/${MODEL}/versions/1`);
  await expect(page.getByRole("heading", { level: 1, name: `${MODEL} v1` })).toBeVisible();
  await expect(page.getByRole("button", { name: /Archive|Restore/ })).toHaveCount(0);
  await expect(page.getByRole("form")).toHaveCount(0);
});

test("an unknown model or version is the dashboard's not-found, with a way back to all models", async ({ page }) => {
  await signInAs(page, "viewer");
  const cases = [
    { url: "/models/no-such-model", title: "No such model" },
    { url: `/models/${MODEL}/versions/99`, title: "No such model version" },
    { url: "/models/no-such-model/versions/1", title: "No such model version" },
  ];
  for (const c of cases) {
    const res = await page.goto(c.url);
    expect(res?.status(), c.url).toBe(404);
    const notFound = page.getByTestId("not-found");
    await expect(notFound.getByRole("heading", { name: c.title, level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(notFound.getByRole("link", { name: "All models" })).toHaveAttribute("href", "/models");
  }
});
