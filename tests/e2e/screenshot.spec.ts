import path from "node:path";
import { repoRoot } from "./support/state";
import { expect, signInAs, test } from "./support/test";
import type { Locale } from "../../lib/i18n/locales";

// The README shows the dark theme, as it always has; the browser's own default scheme is light.
test.use({ colorScheme: "dark" });

// Every run saves the Overview in English and in Chinese (.test-tmp/e2e/screenshots/), as
// it is at that point of the run. With UPDATE_SCREENSHOT=1 (`UPDATE_SCREENSHOT=1 npx
// playwright test screenshot`) it first turns the demo's telemetry feed on, as `npm start`
// runs it, and writes the README's pictures (docs/screenshot.png, docs/screenshot-zh-CN.png).
const isUpdate = process.env.UPDATE_SCREENSHOT === "1";
const SHOTS: { locale: Locale; heading: string; docs: string }[] = [
  { locale: "en", heading: "Fleet overview", docs: "docs/screenshot.png" },
  { locale: "zh-CN", heading: "集群总览", docs: "docs/screenshot-zh-CN.png" },
];

test("the overview is saved as a screenshot in English and in Chinese", async ({ browser, request, state }) => {
  test.setTimeout(isUpdate ? 240_000 : 60_000);
  const auth = { authorization: `Bearer ${state.adminToken}` };
  if (isUpdate) {
    // The picture shows the demo as `npm start` runs it: with its simulated telemetry feed on.
    expect(
      (await request.put("/api/v1/telemetry/settings", { headers: auth, data: { demoTelemetry: true } })).status(),
    ).toBe(200);
    await expect
      .poll(
        async () =>
          (
            (await (await request.get("/api/v1/gpus?stale=false&limit=1000", { headers: auth })).json()) as {
              items: unknown[];
            }
          ).items.length,
        { timeout: 60_000 },
      )
      .toBeGreaterThan(250);
    // The demo's failed GPUs report their XIDs: wait for the worker to raise the alerts and take the nodes out.
    await expect
      .poll(
        async () =>
          ((await (await request.get("/api/v1/alerts?state=firing", { headers: auth })).json()) as { items: unknown[] })
            .items.length,
        { timeout: 90_000 },
      )
      .toBeGreaterThan(0);
    await expect
      .poll(
        async () =>
          ((await (await request.get("/api/v1/faults", { headers: auth })).json()) as { nodes: unknown[] }).nodes
            .length,
        { timeout: 90_000 },
      )
      .toBeGreaterThan(0);
  }
  for (const shot of SHOTS) {
    // A fresh browser in that language (its cookie), so the user's stored choice is left alone.
    const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: "NEXT_LOCALE", value: shot.locale, url: state.baseURL }]);
    const page = await context.newPage();
    await signInAs(page, "admin");
    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: shot.heading, level: 1 })).toBeVisible();
    await expect(page.getByTestId("stat-servers")).toContainText("62");
    await expect(page.getByTestId("panel-energy-trend")).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(repoRoot, ".test-tmp/e2e/screenshots", `overview-${shot.locale}.png`) });
    if (isUpdate) await page.screenshot({ path: path.join(repoRoot, shot.docs) });
    await context.close();
  }
  if (isUpdate) await request.put("/api/v1/telemetry/settings", { headers: auth, data: { demoTelemetry: false } });
});
