import { readFileSync } from "node:fs";
import path from "node:path";
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
  await form
    .getByLabel("CSV file")
    .setInputFiles({ name: "iris-small.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
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
  // Nothing was missing in length: no imputation to show, and the row says so.
  const length = page.getByTestId("column-row").filter({ hasText: /^length/ });
  await expect(length).toContainText("none missing");
  await expect(length).not.toContainText("median");
  await expect(page.getByTestId("fact-bytes-hash")).toContainText(/[0-9a-f]{64}/);
  await expect(page.getByTestId("fact-cleaned-hash")).toContainText(/[0-9a-f]{64}/);
  await expect(page.getByTestId("zero-suspects")).toHaveCount(0);

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

// The real Pima file (no header; zeros in columns 1–5 mean "not measured"),
// uploaded without zero-means-missing as a first-time operator would.
const PIMA = readFileSync(path.resolve(import.meta.dirname, "../../../shared/datasets/pima-indians-diabetes.csv"));
const PIMA_NAME = `e2e-pima-${Date.now().toString(36)}`;
const hashIn = async (fact: Locator) => (await fact.locator("code").textContent())!.trim();

test("an operator uploads Pima, is told its zeros look like 'not measured', and re-cleans it with zero-means-missing in one click", async ({
  page,
}) => {
  await signInAs(page, "operator");
  await page.goto("/datasets");
  const form = page.getByRole("form", { name: "Upload dataset" });
  await form.getByLabel("CSV file").setInputFiles({ name: "pima.csv", mimeType: "text/csv", buffer: PIMA });
  await form.getByLabel("Name", { exact: true }).fill(PIMA_NAME);
  await form.getByLabel("The first line names the columns").uncheck();
  await form.getByLabel("Target column").fill("8");
  await form.getByRole("button", { name: "Upload and clean" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${PIMA_NAME}\\?version=1$`));

  // Not "Missing values: none": the zeros are named, with the offer to treat them as missing.
  await expect(page.getByTestId("fact-missing")).toContainText(
    "none found — but 652 exact zeros in c1 (5), c2 (35), c3 (227), c4 (374), c5 (11) look like “not measured”",
  );
  await expect(page.getByTestId("stat-missing")).toContainText("none found; 652 exact zeros");
  await expect(page.getByTestId("zero-suspect")).toHaveCount(5);
  await expect(page.getByTestId("zero-suspect").first()).toContainText("c1: 5 zeros");
  // Pregnancies (c0) has 111 zeros that are real counts: not flagged, and nothing imputed.
  const pregnancies = page.getByTestId("column-row").filter({ hasText: /^c0/ });
  await expect(pregnancies.getByTestId("column-zero-suspect")).toHaveCount(0);
  await expect(pregnancies).toContainText("none missing");
  const insulin = page.getByTestId("column-row").filter({ hasText: /^c4/ });
  await expect(insulin.getByTestId("column-zero-suspect")).toContainText("+374 zeros?");
  await expect(insulin).toContainText("none — zeros kept as values");
  await expect(insulin).not.toContainText("median");
  const bytesV1 = await hashIn(page.getByTestId("fact-bytes-hash"));
  const cleanedV1 = await hashIn(page.getByTestId("fact-cleaned-hash"));

  await page.getByTestId("zero-missing-offer").click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${PIMA_NAME}\\?version=2$`));
  await expect(page.getByTestId("fact-missing")).toContainText("c1 5, c2 35, c3 227, c4 374, c5 11");
  await expect(page.getByTestId("fact-missing")).toContainText("(0 means missing in c1, c2, c3, c4, c5)");
  await expect(page.getByTestId("zero-suspects")).toHaveCount(0);
  await expect(page.getByTestId("column-row").filter({ hasText: /^c4/ })).toContainText("median");
  // The same bytes, cleaned differently: one hash kept, the other changed.
  expect(await hashIn(page.getByTestId("fact-bytes-hash"))).toBe(bytesV1);
  expect(await hashIn(page.getByTestId("fact-cleaned-hash"))).not.toBe(cleanedV1);

  // Asking again from version 1 opens version 2 rather than making a copy of it.
  await page.goto(`/datasets/${PIMA_NAME}?version=1`);
  await page.getByTestId("zero-missing-offer").click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${PIMA_NAME}\\?version=2$`));
  await expect(page.getByRole("navigation", { name: "Versions" }).getByRole("link")).toHaveCount(2);
});

test("a viewer sees Pima's suspect zeros but no button to re-clean", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto(`/datasets/${PIMA_NAME}?version=1`);
  await expect(page.getByTestId("zero-suspects")).toContainText("An operator can re-clean this version");
  await expect(page.getByTestId("zero-missing-offer")).toHaveCount(0);
});
