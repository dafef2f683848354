import type { APIRequestContext, Page } from "@playwright/test";
import { readState } from "./support/state";
import { expect, signInAs, test } from "./support/test";

// Admin without curl: users, a team quota and a site's tariff set from the
// Admin pages, each found on the Audit page; the guard rails' refusals shown
// beside their fields; and the login lockout in words on the login page.
// Everything here uses its own user, team and site, so no other spec sees it.

const auth = () => ({ authorization: `Bearer ${readState().adminToken}` });

async function createUserByApi(request: APIRequestContext, name: string, password: string) {
  const res = await request.post("/api/v1/users", { headers: auth(), data: { name, password, role: "viewer" } });
  expect(res.status(), await res.text()).toBe(201);
}

/** The Audit page's history of one object has a row with this action. */
async function expectAudited(page: Page, object: string, action: string) {
  await page.goto(`/audit?object=${encodeURIComponent(object)}`);
  const row = page
    .getByTestId("audit-row")
    .filter({ has: page.locator("td:nth-child(3)", { hasText: new RegExp(`^${action.replace(".", "\\.")}$`) }) });
  await expect(row.first(), `${action} on ${object}`).toBeVisible();
  await expect(row.first()).toContainText("user:admin");
}

test("an admin creates a user, sets a team quota and a site tariff from the UI, each on the Audit page", async ({
  page,
  request,
}) => {
  const site = await request.post("/api/v1/sites", { headers: auth(), data: { name: "e2e-adm1", currency: "EUR" } });
  expect(site.status(), await site.text()).toBe(201);
  await signInAs(page, "admin");

  await page.goto("/admin/users");
  const addUser = page.getByRole("form", { name: "Add a user" });
  await addUser.getByLabel("User name").fill("e2e-newbie");
  await addUser.getByLabel("Role", { exact: true }).selectOption("operator");
  await addUser.getByLabel("Initial password").fill("newbie-password-1");
  await addUser.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByTestId("user-row").filter({ hasText: "e2e-newbie" })).toBeVisible();

  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Team quotas" }).click();
  await expect(page).toHaveURL(/\/admin\/teams$/);
  const setQuota = page.getByRole("form", { name: "Set a team quota" });
  await setQuota.getByLabel("Team").fill("e2e-team");
  await setQuota.getByLabel("GPU quota").fill("6");
  await setQuota.getByRole("button", { name: "Set quota" }).click();
  const quotaRow = page.getByTestId("quota-row").filter({ hasText: "e2e-team" });
  await expect(quotaRow).toContainText("user:admin");
  await expect(quotaRow.getByLabel("GPU quota of e2e-team")).toHaveValue("6");

  await page.goto("/admin/sites");
  const pricing = page.getByRole("form", { name: "Pricing of site e2e-adm1" });
  await pricing.getByLabel("Flat tariff per kWh").fill("0.27");
  await pricing.getByLabel("Carbon intensity, gCO₂e/kWh").fill("250");
  await pricing.getByRole("button", { name: "Save e2e-adm1" }).click();
  await expect(pricing.getByRole("status")).toContainText("Saved");
  await page.reload();
  await expect(pricing.getByLabel("Flat tariff per kWh")).toHaveValue("0.27");
  await expect(page.getByTestId("site-pricing").filter({ has: pricing })).toContainText("by user:admin");

  await expectAudited(page, "user:e2e-newbie", "user.create");
  await expectAudited(page, "team:e2e-team", "job.quota_set");
  await expectAudited(page, "site:e2e-adm1", "site.update");
});

test("refusals are shown beside their fields: the schema's, a taken name, the last admin", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const addUser = page.getByRole("form", { name: "Add a user" });

  // The API's schema, checked in the browser first.
  await addUser.getByLabel("User name").fill("e2e-shorty");
  await addUser.getByLabel("Initial password").fill("short");
  await addUser.getByRole("button", { name: "Add user" }).click();
  await expect(addUser.getByLabel("Initial password")).toHaveAccessibleDescription(/at least 8 characters/);

  // A 409 from the API, mapped to the field it names.
  await addUser.getByLabel("User name").fill("viewer");
  await addUser.getByLabel("Initial password").fill("long-enough-password");
  await addUser.getByRole("button", { name: "Add user" }).click();
  await expect(addUser.getByLabel("User name")).toHaveAccessibleDescription(/already exists/);

  // The demo has one admin user: demoting it is refused, in words, under its role.
  const role = page.getByLabel("Role of admin", { exact: true });
  await role.selectOption("viewer");
  await page.getByRole("button", { name: "Save the role of admin", exact: true }).click();
  await expect(role).toHaveAccessibleDescription(/admin is the last active admin/);
  await page.reload();
  await expect(page.getByLabel("Role of admin", { exact: true })).toHaveValue("admin");
});

test("after 5 wrong passwords the login page says when to try again, and an admin can unlock", async ({
  page,
  request,
  browser,
}) => {
  await createUserByApi(request, "e2e-locked", "locked-password-1");
  await page.goto("/login");
  const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("User name").fill("e2e-locked");
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toContainText(i < 5 ? "Wrong user name or password" : "Too many failed attempts");
    // The next attempt's answer must be a new one, not the previous alert still on screen.
    if (i < 5) await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(alert).toHaveText("Too many failed attempts; try again in 15 minutes.");
  // Even the right password waits now.
  await page.getByLabel("Password").fill("locked-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toContainText(/try again in 1[45] minutes/);
  await expect(page).toHaveURL(/\/login$/);

  const admin = await browser.newPage({ baseURL: readState().baseURL });
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("user-row").filter({ hasText: "e2e-locked" });
  await expect(row).toContainText(/locked\s*until/);
  await row.getByRole("button", { name: "Unlock e2e-locked" }).click();
  await expect(row.getByRole("button", { name: "Unlock e2e-locked" })).toHaveCount(0);
  await admin.close();

  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);
});

test("the viewer sees no Admin link; the admin does", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/overview");
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Audit" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Admin" })).toHaveCount(0);

  await signInAs(page, "admin");
  await page.goto("/overview");
  await expect(main.getByRole("link", { name: "Admin" })).toBeVisible();
});
