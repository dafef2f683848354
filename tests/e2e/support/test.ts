import { test as base, expect, type Page } from "@playwright/test";
import { readState, type DemoUser, type E2eState } from "./state";

/**
 * The tests' `test`: `baseURL` points at the server the global setup started
 * (its port is only known at run time), and `state` holds its demo passwords
 * and admin token.
 */
export const test = base.extend<{ state: E2eState }>({
  // `{}`: Playwright reads a fixture's dependencies from the destructuring pattern, so it must be one.
  // eslint-disable-next-line no-empty-pattern
  state: async ({}, use) => use(readState()),
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(readState().baseURL),
});

export { expect };

/**
 * Signs in through the API with the page's own cookie jar, for tests about
 * something other than the login form (login-audit.spec.ts covers the form).
 */
export async function signInAs(page: Page, user: DemoUser): Promise<void> {
  const res = await page.request.post("/api/v1/auth/login", {
    data: { name: user, password: readState().users[user] },
  });
  expect(res.status(), await res.text()).toBe(200);
}
