import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCodeVersion } from "../../../lib/models/code-version";
import { version } from "../../../lib/version";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const OTHER = "fedcba9876543210fedcba9876543210fedcba98";

function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "rackmind-code-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("the code version a model records", () => {
  it("reads the commit of a branch checkout", () => {
    const root = checkout({ ".git/HEAD": "ref: refs/heads/main\n", ".git/refs/heads/main": `${SHA}\n` });
    expect(readCodeVersion(root)).toEqual({ kind: "git", value: SHA, rackmind: version });
  });

  it("reads a detached HEAD and a branch only in packed-refs", () => {
    expect(readCodeVersion(checkout({ ".git/HEAD": `${SHA}\n` })).value).toBe(SHA);
    const packed = checkout({
      ".git/HEAD": "ref: refs/heads/release\n",
      ".git/packed-refs": `# pack-refs with: peeled\n${OTHER} refs/heads/main\n${SHA} refs/heads/release\n`,
    });
    expect(readCodeVersion(packed).value).toBe(SHA);
  });

  it("follows a worktree's .git file to its own HEAD and the common refs", () => {
    const main = checkout({
      ".git/refs/heads/feature": `${OTHER}\n`,
      ".git/worktrees/wt/HEAD": "ref: refs/heads/feature\n",
      ".git/worktrees/wt/commondir": "../..\n",
    });
    const wt = checkout({ ".git": `gitdir: ${path.join(main, ".git/worktrees/wt")}\n` });
    expect(readCodeVersion(wt)).toMatchObject({ kind: "git", value: OTHER });
  });

  it("falls back to the package version outside a git checkout", () => {
    expect(readCodeVersion(checkout({ "README.md": "x" }))).toEqual({
      kind: "package",
      value: version,
      rackmind: version,
    });
  });
});
