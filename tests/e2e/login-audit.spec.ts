import { expect, test } from "./support/test";

test("the demo admin signs in and sees the login recorded on the Audit page", async ({ page, state }) => {
  await page.goto("/login");
  await page.getByLabel("User name").fill("admin");
  await page.getByLabel("Password").fill(state.users.admin);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("stat-servers")).toContainText("62 in total");
  await expect(page.getByTestId("signed-in-user")).toContainText("admin");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  // Columns: at, actor, action, target, details. Matched by column because a
  // failed login has target user:admin too.
  const loginByAdmin = page
    .getByTestId("audit-row")
    .filter({ has: page.locator("td:nth-child(2)", { hasText: /^user:admin$/ }) })
    .filter({ has: page.locator("td:nth-child(3)", { hasText: /^auth\.login$/ }) });
  await expect(loginByAdmin.first()).toBeVisible();
});

test("a wrong password shows an error and stays on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("User name").fill("admin");
  await page.getByLabel("Password").fill("certainly-not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText(
    "Wrong user name or password",
  );
  await expect(page).toHaveURL(/\/login$/);
});

test("signing out ends the session and returns to the login page", async ({ page, state }) => {
  await page.goto("/login");
  await page.getByLabel("User name").fill("operator");
  await page.getByLabel("Password").fill(state.users.operator);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/login$/);
});
