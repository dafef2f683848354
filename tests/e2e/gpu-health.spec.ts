import type { APIRequestContext } from "@playwright/test";
import type { E2eState } from "./support/state";
import { expect, signInAs, test } from "./support/test";

// pdx1-r02-n03 GPU #1 is seeded failed ("XID 48"); no other spec uses it. The
// e2e server runs without the demo telemetry feed, so every demo GPU is silent.
const HOSTNAME = "pdx1-r02-n03";

async function gpuUuid(request: APIRequestContext, state: E2eState, index: number): Promise<string> {
  const res = await request.get(`/api/v1/gpus?hostname=${HOSTNAME}`, {
    headers: { authorization: `Bearer ${state.adminToken}` },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { items: { uuid: string; index: number }[] }).items.find((g) => g.index === index)!
    .uuid;
}

test("the overview counts GPUs that never reported as no data, not as healthy", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/overview");
  const card = page.getByTestId("stat-gpus");
  await expect(card).toContainText("no data");
  await expect(card).toContainText("never reported");
});

test("an operator acknowledges a failed GPU, then returns it to service from its page, and the audit log has both with the notes", async ({
  page,
  request,
  state,
}) => {
  const uuid = await gpuUuid(request, state, 1);
  await signInAs(page, "operator");
  await page.goto(`/gpus/${uuid}`);

  // The state says where it came from: the seed, not a measurement; and that no telemetry confirms it.
  await expect(page.getByTestId("gpu-health")).toContainText("failed");
  await expect(page.getByTestId("gpu-health")).toContainText("never reported");
  await expect(page.getByTestId("health-causes")).toContainText("XID 48: double-bit ECC error");
  await expect(page.getByTestId("health-causes")).toContainText("demo data from the seed, not measured");

  await page.getByRole("button", { name: "Acknowledge" }).click();
  const ackForm = page.getByRole("form", { name: "Acknowledge the GPU's health" });
  await ackForm.getByLabel(/Note/).fill("RMA 4411 opened");
  await ackForm.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByTestId("health-ack")).toContainText("Acknowledged by user:operator");
  await expect(page.getByTestId("health-ack")).toContainText("RMA 4411 opened");

  await page.getByRole("button", { name: "Return to service" }).click();
  const clearForm = page.getByRole("form", { name: "Return the GPU to service" });
  // A note is required: the browser will not send an empty one, and neither will the API take one.
  await clearForm.getByRole("button", { name: "Mark healthy" }).click();
  await expect(page.getByTestId("gpu-health")).toContainText("failed");
  await clearForm.getByLabel(/Note/).fill("reseated, burn-in passed");
  await clearForm.getByRole("button", { name: "Mark healthy" }).click();

  await expect(page.getByTestId("gpu-health")).toContainText("healthy");
  await expect(page.getByTestId("health-ack")).toContainText("Returned to service by user:operator");
  await expect(page.getByRole("button", { name: "Return to service" })).toHaveCount(0);

  await page.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(/\/audit\?target=gpu/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "gpu.health_clear" })).toContainText("reseated, burn-in passed");
  await expect(rows.filter({ hasText: "gpu.health_acknowledge" })).toContainText("RMA 4411 opened");
});

test("a viewer sees a failed GPU's causes but no way to change its health", async ({ page, request, state }) => {
  const uuid = await gpuUuid(request, state, 1);
  await signInAs(page, "viewer");
  await page.goto(`/gpus/${uuid}`);
  await expect(page.getByRole("heading", { name: /GPU #1/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Return to service" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
});
