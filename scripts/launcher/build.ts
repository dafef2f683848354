import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// What `next build` compiles: when any of it changes (a `git pull`), the build is stale.
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "proxy.ts",
  "tsconfig.json",
];
const STAMP = ".next/rackmind-build.json";

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (name !== "node_modules") walk(path.join(p, name), out);
  } else {
    out.push(`${p}:${st.size}:${st.mtimeMs}`);
  }
}

/** A cheap fingerprint of the sources: paths, sizes and modification times. */
export function sourceFingerprint(root: string): string {
  const entries: string[] = [];
  for (const s of SOURCES) walk(path.join(root, s), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

/** Runs `next build` unless a build of exactly these sources exists. */
export function ensureBuild(root: string, log: (msg: string) => void): void {
  const fingerprint = sourceFingerprint(root);
  const stampPath = path.join(root, STAMP);
  const stamp = existsSync(stampPath) ? (JSON.parse(readFileSync(stampPath, "utf8")) as { fingerprint?: string }) : {};
  if (existsSync(path.join(root, ".next/BUILD_ID")) && stamp.fingerprint === fingerprint) return;
  log("building the web app (next build) — the first start takes a minute or two");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  writeFileSync(stampPath, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}
