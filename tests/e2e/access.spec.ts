import { expect, signInAs, test } from "./support/test";

test("a viewer cannot open Admin", async ({ page }) => {
  await signInAs(page, "viewer");
  const res = await page.goto("/admin");

  // The page itself renders (it is not an error page); it explains instead.
  expect(res?.status()).toBe(200);
  await expect(page.getByText("This page needs the admin role")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await expect(page.getByTestId("token-row")).toHaveCount(0);
});

test("the navigation offers Admin only to a role that can open it", async ({ page }) => {
  const nav = page.getByRole("navigation", { name: "Main" });
  await signInAs(page, "viewer");
  await page.goto("/overview");
  await expect(nav.getByRole("link", { name: "Audit" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await signInAs(page, "admin");
  await page.goto("/overview");
  await expect(nav.getByRole("link", { name: "Admin" })).toBeVisible();
});

test("unauthenticated visitors are sent to /login", async ({ page }) => {
  for (const path of ["/overview", "/fleet", "/audit", "/admin"]) {
    await page.goto(path);
    await expect(page, `visiting ${path}`).toHaveURL(/\/login$/);
  }
  await expect(page.getByRole("heading", { name: "Sign in to Rackmind" })).toBeVisible();
});

test("a signed-in visitor opening /login goes straight to the overview", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/login");
  await expect(page).toHaveURL(/\/overview$/);
});
