import { readdirSync, readFileSync } from "node:fs";

// The resident memory of each of npm start's processes, found under the
// launcher's pid in /proc and named by their command lines.

export type Role = "launcher" | "web" | "worker" | "serving";

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command may hold spaces and parentheses: the parent pid follows the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  return byParent;
}

function roleOf(pid: number): Role | null {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    if (cmd.includes("worker/main.ts")) return "worker";
    if (cmd.includes("serving/main.ts")) return "serving";
    if (cmd.includes("scripts/start.ts")) return "launcher";
    if (/next-server|next\/dist|next start|server\.js/.test(cmd)) return "web";
    return null;
  } catch {
    return null;
  }
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** RSS (MiB) per role: the sum over a role's processes (Next's server may be a process and its child). */
export function rssByRole(launcherPid: number): Partial<Record<Role, number>> {
  const tree = children();
  const out: Partial<Record<Role, number>> = {};
  const walk = (pid: number, inherited: Role | null) => {
    const role = roleOf(pid) ?? inherited;
    if (role) {
      try {
        out[role] = (out[role] ?? 0) + rssMiB(pid);
      } catch {
        // ended
      }
    }
    for (const c of tree.get(pid) ?? []) walk(c, role === "launcher" ? null : role);
  };
  walk(launcherPid, null);
  return out;
}
