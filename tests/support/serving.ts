import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { loadTrainingBackend } from "../../lib/training/backend/backend";
import { DeploymentCache } from "../../serving/deployment-cache";
import type { ForwardChoice } from "../../serving/loaded-version";
import { Recorder } from "../../serving/recorder";
import { createServingServer } from "../../serving/server";
import { TokenCache } from "../../serving/token-cache";

/**
 * The serving data plane as `npm run serve` assembles it, on a free loopback
 * port in the test process: real HTTP, the real deployment cache, recorder
 * and token cache against the test's database. Tests drive its polling by
 * hand (`sync`, `flush`, `pollRevocations`) so they need not sleep.
 */
export async function startServing(
  options: { maxBatch?: number; latencyBudgetMs?: number; logPerSecond?: number; forward?: ForwardChoice } = {},
) {
  const { tf } = await loadTrainingBackend();
  const secret = randomBytes(32).toString("base64url");
  const cache = new DeploymentCache(
    tf,
    { maxBatch: options.maxBatch ?? 64, windowMs: 1, latencyBudgetMs: options.latencyBudgetMs ?? 1000 },
    options.forward,
  );
  const recorder = new Recorder({ maxLoggedPerSecond: options.logPerSecond ?? 100_000 });
  const tokens = new TokenCache(secret);
  await cache.sync();
  const server = createServingServer({ cache, recorder, tokens, maxBodyBytes: 10 * 1024 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    secret,
    cache,
    recorder,
    tokens,
    predict: (name: string, body: unknown, token: string) =>
      fetch(`${url}/api/v1/deployments/${name}/predict`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }),
    stop: async () => {
      cache.stop();
      tokens.stop();
      await recorder.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
export type Serving = Awaited<ReturnType<typeof startServing>>;
