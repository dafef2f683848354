import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./support/test";

// Demo fleet: ams1-r01 holds four 8U H100 servers stacked from U3, and U1–U2 and
// U35–U42 are empty. ams1-r04-n03 is an active L40S server no other spec uses.

function slot(page: Page, hostname: string) {
  return page.locator(`[data-testid="rack-slot"][data-hostname="${hostname}"]`);
}

test("an operator opens a rack and sees its servers drawn in their slots", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/racks");
  await page.getByRole("table", { name: "Racks at ams1" }).getByRole("link", { name: "ams1-r01", exact: true }).click();

  await expect(page).toHaveURL(/\/racks\/ams1\/ams1-r01$/);
  await expect(page.getByRole("heading", { name: "Rack ams1-r01" })).toBeVisible();
  await expect(page.getByTestId("rack-slot")).toHaveCount(4);
  const placed = [
    ["ams1-r01-n01", "3"],
    ["ams1-r01-n02", "11"],
    ["ams1-r01-n03", "19"],
    ["ams1-r01-n04", "27"],
  ] as const;
  for (const [hostname, positionU] of placed) {
    await expect(slot(page, hostname)).toHaveAttribute("data-position-u", positionU);
    await expect(slot(page, hostname)).toHaveAttribute("data-height-u", "8");
    await expect(slot(page, hostname)).toHaveAttribute("data-status", "active");
  }

  // U1 is at the bottom: each server higher in the rack is drawn higher on screen,
  // and equal 8U steps in the rack are equal steps in the drawing.
  const tops: number[] = [];
  for (const [hostname] of placed) {
    const box = await slot(page, hostname).boundingBox();
    expect(box, `${hostname} is drawn`).not.toBeNull();
    tops.push(box!.y);
  }
  for (let i = 1; i < tops.length; i++) {
    expect(tops[i]!, `${placed[i]![0]} above ${placed[i - 1]![0]}`).toBeLessThan(tops[i - 1]!);
    expect(tops[i - 1]! - tops[i]!).toBeCloseTo(tops[0]! - tops[1]!, 0);
  }
  const freeRuns = page.getByTestId("rack-free-run");
  await expect(freeRuns).toHaveCount(2);
  await expect(freeRuns.nth(0)).toHaveAttribute("data-position-u", "1");
  await expect(freeRuns.nth(1)).toHaveAttribute("data-position-u", "35");
  await expect(freeRuns.nth(1)).toHaveAttribute("data-height-u", "8");

  await slot(page, "ams1-r01-n03").click();
  await expect(page).toHaveURL(/\/servers\/ams1-r01-n03$/);
  await expect(page.getByRole("heading", { name: "ams1-r01-n03" })).toBeVisible();
});

test("an operator puts a server into maintenance from its page and sees the badge change", async ({
  page,
  request,
  state,
}) => {
  const hostname = "ams1-r04-n03";
  // Start from active whatever ran before (a retry, or a rerun against the same server).
  const reset = await request.patch(`/api/v1/servers/${hostname}`, {
    headers: { authorization: `Bearer ${state.adminToken}` },
    data: { status: "active" },
  });
  expect(reset.status(), await reset.text()).toBe(200);

  await signInAs(page, "operator");
  await page.goto(`/servers/${hostname}`);
  const badge = page.getByTestId("server-status");
  await expect(badge).toHaveText("active");
  await page.getByRole("group", { name: "Change status" }).getByRole("button", { name: "maintenance" }).click();
  await expect(badge).toHaveText("maintenance");

  await page.reload();
  await expect(badge).toHaveText("maintenance");
  await expect(
    page.getByRole("group", { name: "Change status" }).getByRole("button", { name: "maintenance" }),
  ).toHaveAttribute("aria-pressed", "true");

  await page.getByTestId("server-position").click();
  await expect(page).toHaveURL(new RegExp(`/racks/ams1/ams1-r04\\?highlight=${hostname}$`));
  await expect(slot(page, hostname)).toHaveAttribute("data-status", "maintenance");
  await expect(slot(page, hostname)).toHaveAttribute("data-highlighted", "true");

  await page.goto(`/audit?target=server:${hostname}&action=server.update`);
  const byOperator = page
    .getByTestId("audit-row")
    .filter({ has: page.locator("td:nth-child(2)", { hasText: /^user:operator$/ }) });
  await expect(byOperator.first()).toContainText("server.update");
  await expect(byOperator.first()).toContainText('"to":"maintenance"');
});

test("a viewer sees the server page without the status control", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/servers/ams1-r01-n02");

  await expect(page.getByRole("heading", { name: "ams1-r01-n02" })).toBeVisible();
  await expect(page.getByTestId("server-status")).toHaveText("active");
  await expect(page.getByTestId("server-position")).toHaveText("U11–U18");
  await expect(page.getByTestId("gpu-row")).toHaveCount(8);
  const failed = page.getByTestId("gpu-row").filter({ hasText: "#5" });
  await expect(failed).toContainText("failed");
  await expect(failed).toContainText("XID 79");

  await expect(page.getByRole("group", { name: "Change status" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "maintenance" })).toHaveCount(0);
  await expect(page.getByText("needs the operator role")).toBeVisible();
});

test("an unknown hostname is a 404 page", async ({ page }) => {
  await signInAs(page, "viewer");
  const res = await page.goto("/servers/no-such-host");
  expect(res?.status()).toBe(404);
});

test("the fleet list links each server to its page and each rack to its elevation", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/fleet?q=ams1-r02-n04");
  const row = page.getByTestId("server-row");
  await expect(row).toHaveCount(1);

  await row.getByRole("link", { name: "ams1-r02", exact: true }).click();
  await expect(page).toHaveURL(/\/racks\/ams1\/ams1-r02$/);
  await expect(slot(page, "ams1-r02-n04")).toHaveAttribute("data-position-u", "27");

  await page.goBack();
  await row.getByRole("link", { name: "ams1-r02-n04", exact: true }).click();
  await expect(page).toHaveURL(/\/servers\/ams1-r02-n04$/);
  await expect(page.getByTestId("gpu-row").filter({ hasText: "degraded" })).toContainText("temperature 91");
});
