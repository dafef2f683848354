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
    // Solved XOR: the verdict is good, and the figures say they are on the training data (XOR has no split).
    await expect(page.getByTestId("verdict").getByTestId("job-verdict")).toHaveText("good");
    await expect(page.getByTestId("verdict-summary")).toContainText("not held out");
    await expect(page.getByTestId("evaluation-basis")).toContainText("training data");
    await expect(page.getByTestId("roc-auc")).toHaveText("1.000");

    // The list shows it as succeeded, with its verdict.
    await page.goto("/jobs?status=succeeded");
    const row = page.getByTestId("job-row").filter({ hasText: "xor-e2e" }).first();
    await expect(row).toContainText("succeeded");
    await expect(row.getByTestId("job-verdict")).toHaveText("good");
  });

  test("the Job page reaches its final state without a reload: full timeline, no Cancel, the verdict", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await signInAs(page, "operator");
    await page.goto("/jobs");
    const form = page.getByRole("form", { name: "New training job" });
    // The seed article's network: it runs to the end and learns nothing. 1500 epochs keep it running for several seconds.
    await form.getByLabel("Template").selectOption("xor-seed");
    await form.getByLabel("Epochs").fill("1500");
    await form.getByLabel("Model name").fill("xor-seed-e2e");
    await form.getByRole("button", { name: "Submit job" }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);

    // A marker on this document: it is gone if anything reloads the page.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await expect(page.getByRole("button", { name: "Cancel job" })).toBeVisible();
    await expect(page.getByTestId("timeline-finished")).toHaveText("—");
    await expect(page.getByTestId("verdict")).toContainText("Judged when the job finishes");

    await expect(page.getByTestId("job-status")).toHaveText("succeeded", { timeout: 180_000 });
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    for (const step of ["submitted", "placed", "started", "finished"])
      await expect(page.getByTestId(`timeline-${step}`)).toHaveText(instant);
    await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Confirm cancel" })).toHaveCount(0);
    // Succeeded — it ran — but the verdict says the model is no good, with the evidence in words.
    await expect(page.getByTestId("verdict").getByTestId("job-verdict")).toHaveText("not converged");
    await expect(page.getByTestId("verdict-evidence")).toContainText("Training loss stayed flat");
    await expect(page.getByTestId("verdict-suggestion")).toContainText("Adam");
    await expect(page.getByTestId("evaluation-basis")).toContainText("not held out");
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    await page.goto("/jobs?status=succeeded");
    await expect(
      page.getByTestId("job-row").filter({ hasText: "xor-seed-e2e" }).first().getByTestId("job-verdict"),
    ).toHaveText("not converged");
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
