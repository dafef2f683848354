import { expect, type APIRequestContext } from "@playwright/test";
import type { E2eState } from "./state";

/**
 * Trains one version of `model` on the built-in xor dataset through the API
 * (the xor-adam template) and waits until its job succeeds; answers the
 * version it registered. For specs about what comes after training: the Jobs
 * and Models specs drive training through the pages themselves.
 */
export async function trainVersionViaApi(
  request: APIRequestContext,
  state: E2eState,
  model: string,
  settings: { epochs?: number; learningRate?: number } = {},
): Promise<number> {
  const auth = { authorization: `Bearer ${state.adminToken}` };
  const submitted = await request.post("/api/v1/jobs", {
    headers: auth,
    data: {
      type: "train",
      template: "xor-adam",
      modelName: model,
      epochs: settings.epochs ?? 40,
      learningRate: settings.learningRate ?? 0.1,
      gpus: 1,
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const { id } = (await submitted.json()) as { id: string };
  let job: { status: string; modelVersion: { version: number } | null } = { status: "queued", modelVersion: null };
  await expect
    .poll(
      async () => {
        job = await (await request.get(`/api/v1/jobs/${id}`, { headers: auth })).json();
        return job.status;
      },
      { timeout: 180_000, intervals: [500, 1000, 2000] },
    )
    .toBe("succeeded");
  return job.modelVersion!.version;
}

/** Points `alias` of `model` at `version` as the admin (a protected alias needs the note). */
export async function moveAliasViaApi(
  request: APIRequestContext,
  state: E2eState,
  model: string,
  alias: string,
  version: number,
): Promise<void> {
  const moved = await request.put(`/api/v1/models/${model}/aliases/${alias}`, {
    headers: { authorization: `Bearer ${state.adminToken}` },
    data: { version, note: `e2e: ${alias} → v${version}` },
  });
  expect(moved.status(), await moved.text()).toBe(200);
}
