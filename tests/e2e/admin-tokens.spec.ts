import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./support/test";

async function createTokenInUi(page: Page, name: string, role: "viewer" | "operator" | "admin"): Promise<string> {
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByTestId("created-token");
  await expect(field).toHaveValue(/^rmk_/);
  return field.inputValue();
}

test("an admin creates an API token in the UI, sees it once, and it authenticates API calls", async ({
  page,
  request,
}) => {
  await signInAs(page, "admin");
  await page.goto("/admin/tokens");
  const token = await createTokenInUi(page, "e2e-ci-deployer", "operator");

  await expect(page.getByText("it is shown only once")).toBeVisible();
  // The list shows the new token by its prefix only.
  const row = page.getByTestId("token-row").filter({ hasText: "e2e-ci-deployer" });
  await expect(row).toContainText(token.slice(0, 8));
  await expect(row).not.toContainText(token);

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ role: "operator", name: "e2e-ci-deployer" });

  await page.reload();
  await expect(page.getByTestId("created-token")).toHaveCount(0);
});

test("revoking a token in the UI makes the API refuse it", async ({ page, request }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/tokens");
  const token = await createTokenInUi(page, "e2e-short-lived", "viewer");

  const row = page.getByTestId("token-row").filter({ hasText: "e2e-short-lived" });
  await row.getByRole("button", { name: "Revoke token e2e-short-lived" }).click();
  await row.getByRole("button", { name: "Confirm revoking token e2e-short-lived" }).click();
  await expect(row).toContainText("revoked");

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(401);
  expect((await me.json()).error.code).toBe("unauthenticated");
});

test("an API error is shown to the admin, in the API's words", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/tokens");
  // The session ends behind the page's back (signed out in another tab), so the API answers 401.
  await page.request.post("/api/v1/auth/logout");
  await page.getByLabel("Token name").fill("e2e-too-late");
  await page.getByRole("button", { name: "Create token" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "The token was not created" });
  await expect(alert).toContainText("Sign in");
  await expect(page.getByTestId("created-token")).toHaveCount(0);
});
