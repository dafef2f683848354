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
