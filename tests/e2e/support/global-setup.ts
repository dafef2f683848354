import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { freePort } from "../../support/launcher";
import { e2eTmpDir, repoRoot, statePath, type E2eState } from "./state";
import { holdServer, stopServer } from "./server-process";

// The first start runs `next build`, which alone can take a few minutes on a cold machine.
const START_TIMEOUT_MS = Number(process.env.RACKMIND_E2E_START_TIMEOUT_MS ?? 300_000);
const READY_LINE = /Rackmind is running at (http:\/\/\S+)/;
const CREDENTIAL_LINE = /^\s*(admin|operator|viewer)\s+user:\s*\S+\s+password:\s*(\S+)\s*$/;

function launchEnv(port: number, servingPort: number, dataDir: string, adminToken: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    RACKMIND_SERVING_PORT: String(servingPort),
    RACKMIND_DATA_DIR: dataDir,
    RACKMIND_ADMIN_TOKEN: adminToken,
    NEXT_TELEMETRY_DISABLED: "1",
    // The demo fleet stays silent: specs push the telemetry they check, and a
    // feed overwriting their latest values every 15 s would make them flaky.
    RACKMIND_DEMO_TELEMETRY: "0",
  };
  // The run must use its own fresh PGlite and random demo passwords, whatever the shell had set.
  for (const key of ["DATABASE_URL", "RACKMIND_ADMIN_PASSWORD", "RACKMIND_PGLITE_PORT", "NODE_ENV"]) delete env[key];
  return env;
}

type Banner = { origin: string; users: Partial<E2eState["users"]> };

/** Reads the launcher's output until the "running" line, collecting the once-shown passwords on the way. */
function waitForBanner(child: ChildProcess, logPath: string): Promise<Banner> {
  return new Promise((resolve, reject) => {
    const users: Partial<E2eState["users"]> = {};
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`Rackmind did not start: ${why}. Its output is in ${logPath}`));
    };
    const timer = setTimeout(
      () => fail(`no "Rackmind is running" line within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    child.once("exit", (code, signal) => fail(`the launcher exited (code ${code}, signal ${signal})`));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const credential = CREDENTIAL_LINE.exec(line);
      if (credential) users[credential[1] as keyof E2eState["users"]] = credential[2]!;
      const ready = READY_LINE.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve({ origin: ready[1]!, users });
      }
    });
  });
}

export default async function globalSetup(): Promise<void> {
  mkdirSync(e2eTmpDir, { recursive: true });
  // A state file left by a crashed run names a process that is gone (or, worse, a reused pid).
  rmSync(statePath, { force: true });
  const [port, servingPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rackmind-e2e-"));
  const adminToken = `rmk_e2e_${randomBytes(24).toString("base64url")}`;
  const logPath = path.join(e2eTmpDir, "server.log");
  process.stdout.write(
    `e2e: starting Rackmind on port ${port} (a first start runs next build); output in ${logPath}\n`,
  );

  // Detached: the launcher leads its own process group, so teardown can stop it
  // together with its web and worker children in one signal.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: repoRoot,
    env: launchEnv(port, servingPort, dataDir, adminToken),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  holdServer(child);
  // Keep draining both pipes for the whole run: a full pipe would block the server.
  const log = createWriteStream(logPath);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });

  try {
    const banner = await waitForBanner(child, logPath);
    const { admin, operator, viewer } = banner.users;
    if (!admin || !operator || !viewer) {
      throw new Error(
        `The start-up banner did not list all demo users (is ${dataDir} really fresh?). Output: ${logPath}`,
      );
    }
    // The banner says localhost; 127.0.0.1 avoids an IPv6-first lookup that Next may not listen on.
    const baseURL = banner.origin.replace("//localhost", "//127.0.0.1");
    const state: E2eState = {
      baseURL,
      adminToken,
      users: { admin, operator, viewer },
      pid: child.pid!,
      dataDir,
      logPath,
    };
    writeFileSync(statePath, JSON.stringify(state, null, 2));
    process.env.RACKMIND_E2E_STATE = statePath;
  } catch (err) {
    // Teardown does not run when setup fails, so a half-started server is stopped here.
    if (child.pid) await stopServer(child.pid, 5_000);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
