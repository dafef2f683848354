import { expect, signInAs, test } from "./support/test";

test("searching for a rack lists only its servers, with the one in maintenance badged", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/fleet");
  await page.getByLabel("Search", { exact: true }).fill("pdx1-r01");
  await page.getByRole("button", { name: "Search", exact: true }).click();

  await expect(page).toHaveURL(/[?&]q=pdx1-r01/);
  const rows = page.getByTestId("server-row");
  await expect(rows).toHaveCount(5);
  const hostnames = await rows.locator("td:first-child").allTextContents();
  expect(hostnames).toEqual(["pdx1-r01-n01", "pdx1-r01-n02", "pdx1-r01-n03", "pdx1-r01-n04", "pdx1-r01-n05"]);

  const n05 = rows.filter({ has: page.locator("td:first-child", { hasText: /^pdx1-r01-n05$/ }) });
  await expect(n05.getByText("maintenance", { exact: true })).toBeVisible();
  const n01 = rows.filter({ has: page.locator("td:first-child", { hasText: /^pdx1-r01-n01$/ }) });
  await expect(n01.getByText("active", { exact: true })).toBeVisible();
});

test("an invalid filter in the URL explains itself instead of failing", async ({ page }) => {
  await signInAs(page, "viewer");
  const res = await page.goto("/fleet?status=on-fire");

  expect(res?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be applied" })).toContainText("status");
});

test("the fleet pages forward with Next page", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/fleet?limit=25");
  const rows = page.getByTestId("server-row");
  await expect(rows).toHaveCount(25);
  const firstPage = await rows.locator("td:first-child").allTextContents();

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(25);
  const secondPage = await rows.locator("td:first-child").allTextContents();
  expect(secondPage[0]! > firstPage[firstPage.length - 1]!).toBe(true);
});
