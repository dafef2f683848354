// Fault-injection tests run in `npm test` in a fast variant and fully in
// `npm run test:faults` (RACKMIND_FAULTS_FULL=1): more jobs, longer outages.

export const faultsFull = process.env.RACKMIND_FAULTS_FULL === "1";

/** Polls `probe` until it answers something truthy; fails with `what` and the diagnostics after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  diagnostics = () => "",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${diagnostics()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
