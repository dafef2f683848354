/**
 * Which code trained a model: the git commit of this checkout, read once per
 * process from .git itself (no git binary needed, and a detached HEAD, a
 * branch, packed refs and a worktree's .git file all work), else the package
 * version when Rackmind runs from an archive or an image without .git.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { version as packageVersion } from "../version";
import { CodeVersion as CodeVersionSchema, type CodeVersion } from "./schemas";

let cached: CodeVersion | undefined;

/**
 * This process's code version: the one the launcher read at start and handed
 * down (RACKMIND_CODE_VERSION), else read now — a worker started on its own
 * reads it at start (worker/main.ts).
 */
export function getCodeVersion(root = process.cwd()): CodeVersion {
  cached ??= fromEnvironment() ?? readCodeVersion(root);
  return cached;
}

function fromEnvironment(): CodeVersion | null {
  const raw = process.env.RACKMIND_CODE_VERSION;
  if (!raw) return null;
  try {
    const parsed = CodeVersionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readCodeVersion(root: string): CodeVersion {
  const commit = readGitCommit(root);
  return commit
    ? { kind: "git", value: commit, rackmind: packageVersion }
    : { kind: "package", value: packageVersion, rackmind: packageVersion };
}

const SHA = /^[0-9a-f]{40}$/;

function gitDirOf(root: string): string | null {
  const dotGit = path.join(root, ".git");
  if (!existsSync(dotGit)) return null;
  if (statSync(dotGit).isDirectory()) return dotGit;
  // A worktree or submodule: `.git` is a file saying "gitdir: <path>".
  const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, "utf8"));
  return pointer ? path.resolve(root, pointer[1]!.trim()) : null;
}

function readGitCommit(root: string): string | null {
  try {
    const gitDir = gitDirOf(root);
    if (!gitDir) return null;
    const head = readFileSync(path.join(gitDir, "HEAD"), "utf8").trim();
    if (SHA.test(head)) return head;
    const ref = /^ref:\s*(.+)$/.exec(head)?.[1];
    if (!ref) return null;
    // A worktree keeps its HEAD in its own folder but refs in the common one.
    const commonFile = path.join(gitDir, "commondir");
    const common = existsSync(commonFile) ? path.resolve(gitDir, readFileSync(commonFile, "utf8").trim()) : gitDir;
    for (const dir of [gitDir, common]) {
      const loose = path.join(dir, ref);
      if (existsSync(loose)) return readFileSync(loose, "utf8").trim();
    }
    const packed = path.join(common, "packed-refs");
    if (!existsSync(packed)) return null;
    const line = readFileSync(packed, "utf8")
      .split("\n")
      .find((l) => l.endsWith(` ${ref}`));
    const sha = line?.split(" ")[0];
    return sha && SHA.test(sha) ? sha : null;
  } catch {
    return null;
  }
}
