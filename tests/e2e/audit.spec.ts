import { expect, signInAs, test } from "./support/test";

// ams1-r03-n02's serial is changed here and nowhere else, so its history is this spec's.
const HOSTNAME = "ams1-r03-n02";
const LONG_SERIAL = `E2E-${"0123456789".repeat(17)}`;

test("an admin follows one object's history, opens it, exports it as CSV, and checks the hash chain", async ({
  page,
  state,
}) => {
  const auth = { authorization: `Bearer ${state.adminToken}` };
  for (const serial of ["E2E-AUDIT-1", LONG_SERIAL]) {
    const res = await page.request.patch(`/api/v1/servers/${HOSTNAME}`, { headers: auth, data: { serial } });
    expect(res.status(), await res.text()).toBe(200);
  }

  await signInAs(page, "admin");
  await page.goto("/audit");
  await page.getByLabel("Object (with its parts)").fill(`server:${HOSTNAME}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`object=server%3A${HOSTNAME}`));
  await expect(page.getByTestId("object-history")).toContainText(`server:${HOSTNAME}`);

  const rows = page.getByTestId("audit-row");
  await expect(rows).not.toHaveCount(0);
  for (const target of await rows.locator("td:nth-child(4) a:first-child").allTextContents())
    expect(target).toBe(`server:${HOSTNAME}`);

  // A long details cell opens to the whole of it.
  const newest = rows.first();
  await expect(newest.locator("pre")).toBeHidden();
  await newest.locator("summary").click();
  await expect(newest.locator("pre")).toBeVisible();
  await expect(newest.locator("pre")).toContainText(LONG_SERIAL);

  // The export carries the filter and downloads every matching event.
  const exportLink = page.getByTestId("export-csv");
  const href = (await exportLink.getAttribute("href"))!;
  expect(href).toContain(`object=server%3A${HOSTNAME}`);
  expect(href).toContain("format=csv");
  const csv = await page.request.get(href);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\n");
  expect(lines[0]).toBe("id,at,actor,action,target,details,hash,prevHash");
  expect(lines.length).toBeGreaterThanOrEqual(3);
  expect(lines.slice(1).every((l) => l.includes(`server:${HOSTNAME}`))).toBe(true);

  // The chain panel, on request.
  const chain = page.getByTestId("chain-status");
  await chain.getByRole("button", { name: "Verify chain" }).click();
  await expect(chain).toContainText(/Chain intact: [\d,]+ events checked/);
  await expect(chain).toContainText("head #");

  // The target opens the server's own page.
  await newest.getByRole("link", { name: `server:${HOSTNAME}` }).click();
  await expect(page).toHaveURL(new RegExp(`/servers/${HOSTNAME}$`));
  await expect(page.getByRole("heading", { name: HOSTNAME })).toBeVisible();
});

test("a row's history link narrows the log to that object", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto(`/audit?action=server.update`);
  const row = page
    .getByTestId("audit-row")
    .filter({ has: page.getByRole("link", { name: `server:${HOSTNAME}`, exact: true }) })
    .first();
  await row.getByRole("link", { name: "history" }).click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?object=server%3A${HOSTNAME}$`));
  await expect(page.getByLabel("Object (with its parts)")).toHaveValue(`server:${HOSTNAME}`);
  await expect(page.getByTestId("audit-row").first()).toContainText(`server:${HOSTNAME}`);
});

test("a viewer gets the export but not the chain check, which is an admin's", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/audit?action=auth.");
  await expect(page.getByTestId("export-csv")).toHaveAttribute("href", "/api/v1/audit?action=auth.&format=csv");
  await expect(page.getByTestId("chain-status")).toHaveCount(0);
  const verify = await page.request.get("/api/v1/audit/verify");
  expect(verify.status()).toBe(403);
});
