import path from "node:path";
import { repoRoot } from "./support/state";
import { expect, signInAs, test } from "./support/test";

// Not a check: it refreshes the README's picture. Run with UPDATE_SCREENSHOT=1.
test("docs/screenshot.png shows the overview after signing in", async ({ page }) => {
  test.skip(process.env.UPDATE_SCREENSHOT !== "1", "set UPDATE_SCREENSHOT=1 to refresh docs/screenshot.png");
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, "admin");
  await page.goto("/overview");
  await expect(page.getByTestId("stat-servers")).toContainText("62");
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(repoRoot, "docs/screenshot.png") });
});
