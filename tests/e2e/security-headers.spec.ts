import { expect, signInAs, test } from "./support/test";

// What a browser is told about every page and API answer, and that the pages
// run under their Content-Security-Policy without a single refused script.

const STATIC_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

test("pages carry a nonce-based CSP without unsafe-inline scripts, and the security headers", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) refused.push(m.text());
  });
  await signInAs(page, "admin");
  const first = await page.goto("/overview");
  const headers = first!.headers();
  expect(headers).toMatchObject(STATIC_HEADERS);
  const csp = headers["content-security-policy"]!;
  const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
  expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(script).not.toContain("unsafe-inline");
  expect(script).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"], "no HSTS over plain HTTP").toBeUndefined();
  // Hydrated and interactive under the policy: a client island works.
  await expect(page.getByTestId("panel-alerts")).toBeVisible();
  const second = await page.goto("/telemetry");
  const again = second!.headers()["content-security-policy"]!;
  expect(again).not.toBe(csp); // a fresh nonce per answer
  await page.getByLabel("Exporter URL").fill("ftp://x/metrics");
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.locator('[data-testid="field-error"][data-field="target-url"]')).toBeVisible();
  expect(refused).toEqual([]);
});

test("API answers carry the security headers and a deny-all CSP; HSTS only behind TLS", async ({ request, state }) => {
  const res = await request.get("/api/v1/sites", { headers: { authorization: `Bearer ${state.adminToken}` } });
  expect(res.headers()).toMatchObject({
    ...STATIC_HEADERS,
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  });
  const tls = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(tls.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
});
