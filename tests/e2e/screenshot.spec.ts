import path from "node:path";
import { repoRoot } from "./support/state";
import { expect, signInAs, test } from "./support/test";

// The README shows the dark theme, as it always has; the browser's own default scheme is light.
test.use({ colorScheme: "dark" });

// Not a check: it refreshes the README's picture. Run with UPDATE_SCREENSHOT=1
// (e.g. `UPDATE_SCREENSHOT=1 npx playwright test screenshot`).
test("docs/screenshot.png shows the overview after signing in", async ({ page, request, state }) => {
  test.skip(process.env.UPDATE_SCREENSHOT !== "1", "set UPDATE_SCREENSHOT=1 to refresh docs/screenshot.png");
  test.setTimeout(120_000);
  // The picture shows the demo as `npm start` runs it: with its simulated telemetry feed on.
  const auth = { authorization: `Bearer ${state.adminToken}` };
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
        ((await (await request.get("/api/v1/faults", { headers: auth })).json()) as { nodes: unknown[] }).nodes.length,
      { timeout: 90_000 },
    )
    .toBeGreaterThan(0);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, "admin");
  await page.goto("/overview");
  await expect(page.getByTestId("stat-servers")).toContainText("62");
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(repoRoot, "docs/screenshot.png") });
  await request.put("/api/v1/telemetry/settings", { headers: auth, data: { demoTelemetry: false } });
});
