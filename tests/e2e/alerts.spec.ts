import { expect, signInAs, test } from "./support/test";

// An XID 48 from outside, through the push API, to a firing alert in the top
// bar of every page, a silence set from the Alerts page, and the node driven
// through the fault workflow back to service from its server page.
// ams1-r04-n09 is used by no other spec.
const HOSTNAME = "ams1-r04-n09";

test("an XID 48 fires an alert and quarantines its node; an operator silences it and returns the node to service", async ({
  page,
  request,
  state,
}) => {
  test.setTimeout(120_000);
  const auth = { authorization: `Bearer ${state.adminToken}` };
  const listed = await request.get(`/api/v1/gpus?hostname=${HOSTNAME}`, { headers: auth });
  const gpu = ((await listed.json()) as { items: { uuid: string; index: number }[] }).items.find((g) => g.index === 0)!;
  const pushed = await request.post(`/api/v1/telemetry/dcgm`, {
    headers: { ...auth, "content-type": "text/plain" },
    data: `DCGM_FI_DEV_XID_ERRORS{gpu="0",UUID="${gpu.uuid}",Hostname="${HOSTNAME}"} 48\n`,
  });
  expect(pushed.status(), await pushed.text()).toBe(200);

  await signInAs(page, "operator");
  const summary = `XID 48 on ${HOSTNAME} GPU 0: double-bit ECC error`;
  // The worker evaluates within seconds; the top bar of any page shows it.
  await expect(async () => {
    await page.goto("/fleet");
    await expect(page.getByTestId("firing-alerts")).toContainText(summary, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("firing-alerts")).toContainText("critical");

  // The overview shows it in its alerts panel, the node among those out of service, and every other panel.
  await expect(async () => {
    await page.goto("/overview");
    await expect(page.getByTestId("panel-faults")).toContainText(HOSTNAME, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("panel-alerts")).toContainText(summary);
  for (const panel of ["panel-jobs", "panel-deployments", "panel-energy", "panel-heatmap", "panel-energy-trend"])
    await expect(page.getByTestId(panel)).toBeVisible();

  await page.getByRole("navigation").getByRole("link", { name: "Alerts" }).click();
  const row = page.getByTestId("firing-alert").filter({ hasText: summary });
  await expect(row).toContainText("firing");
  await row.getByRole("button", { name: "Silence" }).click();
  const form = page.getByRole("form", { name: `Silence ${summary}` });
  await form.getByLabel("Why").fill("reseating GPU 0");
  await form.getByRole("button", { name: "Silence" }).click();
  await expect(row).toContainText("silenced (1)");
  await expect(page.getByTestId("silence-row").filter({ hasText: "reseating GPU 0" })).toContainText("active");
  await expect(page.getByTestId("firing-alerts")).not.toContainText(summary);

  // The fault workflow took the node out by itself: quarantined, drained (nothing ran there).
  await page.goto(`/servers/${HOSTNAME}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("fault-state")).toHaveText("drained", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("fault-recommendation")).toContainText("reset the GPU");
  const panel = page.getByTestId("fault-panel");
  await panel.getByLabel("Note").fill("nvidia-smi -r, field diag passed");
  await panel.getByRole("button", { name: "Start remediation" }).click();
  await expect(page.getByTestId("fault-state")).toHaveText("remediating");
  await panel.getByLabel("Note").fill("back after GPU reset");
  await panel.getByRole("button", { name: "Return to service" }).click();
  await expect(page.getByTestId("fault-state")).toHaveText("in service");
  await expect(page.getByTestId("fault-events")).toContainText(
    "remediating → in service · user:operator: back after GPU reset",
  );

  // The XID it reports is accepted with the return: the alert resolves at the next evaluation.
  await expect(async () => {
    await page.goto("/alerts");
    await expect(page.getByTestId("resolved-alert").filter({ hasText: summary })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
});
