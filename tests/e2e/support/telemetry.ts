import { expect, type APIRequestContext } from "@playwright/test";
import type { E2eState } from "./state";

/**
 * Every GPU of `hostname` reports a cool temperature now, through the push
 * API: the e2e server's demo fleet is silent, and the scheduler places jobs
 * only on GPUs whose telemetry is recent.
 */
export async function reportServerGpus(
  request: APIRequestContext,
  state: E2eState,
  hostname: string,
): Promise<string[]> {
  const auth = { authorization: `Bearer ${state.adminToken}` };
  const listed = await request.get(`/api/v1/gpus?hostname=${hostname}`, { headers: auth });
  expect(listed.status(), await listed.text()).toBe(200);
  const gpus = ((await listed.json()) as { items: { uuid: string; index: number }[] }).items;
  const page = gpus
    .map((g) => `DCGM_FI_DEV_GPU_TEMP{gpu="${g.index}",UUID="${g.uuid}",Hostname="${hostname}"} 41`)
    .join("\n");
  const pushed = await request.post(`/api/v1/telemetry/dcgm?at=${new Date().toISOString()}`, {
    headers: { ...auth, "content-type": "text/plain" },
    data: `${page}\n`,
  });
  expect(pushed.status(), await pushed.text()).toBe(200);
  return gpus.map((g) => g.uuid);
}
