import type { Page } from "@playwright/test";
import { reportServerGpus } from "./support/telemetry";
import { expect, signInAs, test } from "./support/test";

/** Whether the canvas has drawn anything: any pixel that is not fully transparent. */
async function canvasHasPixels(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext("2d");
    if (!ctx || canvas.width === 0 || canvas.height === 0) return false;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });
}

// The e2e demo fleet sends no telemetry, and the scheduler places jobs only on
// GPUs that report: pdx1-r03-n01's GPUs report before each test (no other spec uses it).
test.beforeEach(async ({ request, state }) => {
  await reportServerGpus(request, state, "pdx1-r03-n01");
});

test.describe("training jobs", () => {
  test("an operator submits the XOR template and watches it train to 100% with live curves", async ({ page }) => {
    test.setTimeout(240_000);
    await signInAs(page, "operator");
    await page.goto("/jobs");
    await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();

    const form = page.getByRole("form", { name: "New training job" });
    await form.getByLabel("Template").selectOption("xor-adam");
    await form.getByLabel("Epochs").fill("200");
    await form.getByLabel("Model name").fill("xor-e2e");
    await form.getByRole("button", { name: "Submit job" }).click();

    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const progress = page.getByRole("progressbar", { name: "Training progress" });
    await expect(progress).toBeVisible();
    // Live: the bar moves and the curve draws while the job runs, before the page is reloaded.
    await expect(page.getByTestId("training-curves")).not.toHaveAttribute("data-epochs", "0", { timeout: 120_000 });
    await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 180_000 });
    await expect(page.getByTestId("job-status")).toHaveText("succeeded", { timeout: 30_000 });
    await expect(page.getByTestId("training-curves")).toHaveAttribute("data-epochs", "200");
    expect(await canvasHasPixels(page, "[data-testid=training-curves] canvas")).toBe(true);

    await expect(page.getByRole("table", { name: /Confusion matrix/ })).toBeVisible();
    await expect(page.getByTestId("placement")).toContainText("GPU-");
    await expect(page.getByTestId("job-log")).toContainText("trained 200/200 epochs");

    // The list shows it as succeeded too.
    await page.goto("/jobs?status=succeeded");
    await expect(page.getByTestId("job-row").filter({ hasText: "xor-e2e" }).first()).toContainText("succeeded");
  });

  test("a viewer sees jobs but no form to submit them", async ({ page }) => {
    await signInAs(page, "viewer");
    await page.goto("/jobs");
    await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
    await expect(page.getByRole("form", { name: "New training job" })).toHaveCount(0);
    await page.goto("/jobs/schedules");
    await expect(page.getByRole("heading", { name: "Schedules", level: 1 })).toBeVisible();
  });
});
