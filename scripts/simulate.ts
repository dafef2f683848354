/**
 * `npm run simulate [-- --port 9400 --host 127.0.0.1]`: serves dcgm-exporter
 * pages for the demo fleet until SIGINT/SIGTERM. The port may also come from
 * RACKMIND_SIMULATOR_PORT; the flag wins.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { logger } from "../lib/observability/logger";
import { startSimulator } from "../lib/demo/simulator";

const log = logger.child({ process: "simulator" });

const Options = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(9400),
  host: z.string().min(1).default("127.0.0.1"),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" } } });
  const parsed = Options.safeParse({
    port: values.port ?? (process.env.RACKMIND_SIMULATOR_PORT || undefined),
    host: values.host,
  });
  if (!parsed.success) {
    log.fatal({ issues: parsed.error.issues }, "invalid simulator options (--port must be 0-65535)");
    process.exit(2);
  }
  const simulator = await startSimulator(parsed.data);
  process.stdout.write(
    `\n  dcgm simulator: ${simulator.url}/metrics  (per node: ${simulator.url}/hosts/<hostname>/metrics)\n\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    await simulator.close();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  log.fatal({ err }, "simulator failed to start");
  process.exit(1);
});
