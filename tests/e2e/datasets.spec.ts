import type { Locator } from "@playwright/test";
import { expect, signInAs, test } from "./support/test";

// A small iris-like file with one repeated row and one "?" in width: the
// report must say 1 duplicate removed, 1 missing width, 11 rows, 3 classes.
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

// Unique per run, so a rerun against the same server makes a new dataset rather than a 200.
const NAME = `e2e-iris-${Date.now().toString(36)}`;

/** How many pixels of a canvas something was drawn on. */
async function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

test("an operator uploads a CSV from the page and sees its cleaning report and histograms", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/datasets");
  const form = page.getByRole("form", { name: "Upload dataset" });
  await form.getByLabel("CSV file").setInputFiles({ name: "iris-small.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("iris-small");
  await form.getByLabel("Name", { exact: true }).fill(NAME);
  await form.getByLabel("Target column").fill("species");
  await form.getByRole("button", { name: "Upload and clean" }).click();

  await expect(page).toHaveURL(new RegExp(`/datasets/${NAME}\\?version=1$`));
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByTestId("stat-rows").locator("p").first()).toHaveText("11");
  await expect(page.getByTestId("stat-duplicates").locator("p").first()).toHaveText("1");
  await expect(page.getByTestId("fact-missing")).toContainText("width 1");
  // 2.3 is below Q1 − 1.5·IQR of the widths (2.925 − 0.4125): flagged, and still counted in the rows.
  await expect(page.getByTestId("fact-outliers")).toContainText("width 1");
  const report = page.getByTestId("cleaning-report");
  await expect(report).toContainText("z-score");
  await expect(report).toContainText("colour (3)");
  await expect(page.getByTestId("class-row")).toHaveCount(3);
  await expect(page.getByTestId("column-row")).toHaveCount(4);
  const width = page.getByTestId("column-row").filter({ hasText: /^width/ });
  // The median of the ten observed widths left after the duplicate is removed: (3.0 + 3.1) / 2.
  await expect(width).toContainText("median 3.05");

  const histograms = page.getByTestId("column-histogram");
  await expect(histograms).toHaveCount(3);
  const first = histograms.first();
  await expect(first.locator("[data-ready]")).toHaveAttribute("data-ready", "true");
  const canvas = first.locator("canvas");
  await expect(canvas).toBeVisible();
  expect(await paintedPixels(canvas)).toBeGreaterThan(500);
});

test("an operator sees the API's bad lines when a CSV is ragged, and nothing is stored", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/datasets");
  const form = page.getByRole("form", { name: "Upload dataset" });
  await form.getByLabel("Or paste CSV").fill("a,b,y\n1,2,x\n3,y\n");
  await form.getByLabel("Name", { exact: true }).fill(`${NAME}-ragged`);
  await form.getByRole("button", { name: "Upload and clean" }).click();
  await expect(page.getByTestId("upload-errors")).toContainText("line 3: expected 3 cells, found 2");
  await page.goto("/datasets");
  await expect(page.getByTestId("dataset-row").filter({ hasText: `${NAME}-ragged` })).toHaveCount(0);
});

test("a viewer sees the datasets but no upload form", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/datasets");
  await expect(page.getByRole("heading", { level: 1, name: "Datasets" })).toBeVisible();
  await expect(page.getByTestId("dataset-row").filter({ hasText: NAME })).toHaveCount(1);
  await expect(page.getByRole("form", { name: "Upload dataset" })).toHaveCount(0);
  await expect(page.getByLabel("CSV file")).toHaveCount(0);
});
