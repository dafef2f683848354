import type { Page } from "@playwright/test";
import { englishFragments, englishOn, readableText } from "./support/i18n-scan";
import { expect, signInAs, test } from "./support/test";

// The Overview in Chinese shows no English from the catalogue, and a user's
// language follows them from one sign-in to the next.

async function waitForPanels(page: Page) {
  for (const id of [
    "panel-alerts",
    "panel-jobs",
    "panel-deployments",
    "panel-energy",
    "panel-heatmap",
    "panel-energy-trend",
  ])
    await expect(page.getByTestId(id)).toBeVisible();
}

test.describe("languages", () => {
  test.afterAll(async ({ browser }) => {
    // Leave the viewer following the browser again, as the other specs expect.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, "viewer");
    expect((await page.request.patch("/api/v1/me", { data: { locale: null } })).status()).toBe(200);
    await context.close();
  });

  test("the overview switches to Chinese with no English from the catalogue, and back", async ({ page }) => {
    await signInAs(page, "viewer");
    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByTestId("locale-switcher").getByRole("radio", { name: "中文" }).click();
    await expect(page.getByRole("heading", { name: "集群总览" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const label of ["总览", "机架", "能耗", "告警"])
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    await expect(page.getByRole("heading", { name: "GPU 型号" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "需要关注的 GPU" })).toBeVisible();
    await waitForPanels(page);

    const fragments = englishFragments();
    expect(fragments.length).toBeGreaterThan(100);
    expect(englishOn(await readableText(page), fragments)).toEqual([]);
    for (const [url, heading] of [
      ["/fleet", "设备清单"],
      ["/racks", "机架"],
      ["/servers/ams1-r01-n01", "ams1-r01-n01"],
    ] as const) {
      await page.goto(url);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
      expect(englishOn(await readableText(page), fragments), url).toEqual([]);
    }
    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: "集群总览" })).toBeVisible();
    // The same scan finds the English when the page is in English (the scan itself works).
    await page.getByTestId("locale-switcher").getByRole("radio", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
    await waitForPanels(page);
    expect(englishOn(await readableText(page), fragments)).toEqual(expect.arrayContaining(["Fleet overview", "Sites"]));
  });

  test("the language is the user's: it survives signing out and in from a fresh browser", async ({
    browser,
    state,
  }) => {
    const first = await browser.newContext({ locale: "en-US" });
    const page = await first.newPage();
    await signInAs(page, "viewer");
    await page.goto("/overview");
    await page.getByTestId("locale-switcher").getByRole("radio", { name: "中文" }).click();
    await expect(page.getByRole("heading", { name: "集群总览" })).toBeVisible();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
    // This browser remembers the choice before anyone signs in.
    await expect(page.getByRole("heading", { name: "登录 Rackmind" })).toBeVisible();
    await first.close();

    // A fresh English browser: English until the user signs in, then theirs.
    const second = await browser.newContext({ locale: "en-US" });
    const fresh = await second.newPage();
    await fresh.goto("/login");
    await expect(fresh.getByRole("heading", { name: "Sign in to Rackmind" })).toBeVisible();
    await fresh.getByLabel("User name").fill("viewer");
    await fresh.getByLabel("Password").fill(state.users.viewer);
    await fresh.getByRole("button", { name: "Sign in" }).click();
    await expect(fresh).toHaveURL(/\/overview$/);
    await expect(fresh.getByRole("heading", { name: "集群总览" })).toBeVisible();

    await fresh.getByTestId("locale-switcher").getByRole("radio", { name: "English" }).click();
    await expect(fresh.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
    await fresh.reload();
    await expect(fresh.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
    await second.close();
  });

  test("before sign-in, the browser's Accept-Language chooses, and the login page can switch", async ({ browser }) => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "登录 Rackmind" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByLabel("用户名")).toBeVisible();
    await page.getByTestId("locale-switcher").getByRole("radio", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Rackmind" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Sign in to Rackmind" })).toBeVisible();
    await context.close();
  });
});
