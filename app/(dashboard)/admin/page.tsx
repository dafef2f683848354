import type { Metadata } from "next";
import Link from "next/link";
import { Card, StatCard } from "@/components/ui/card";
import { listLockouts } from "@/lib/auth/lockout";
import { listApiTokens } from "@/lib/auth/tokens";
import { listUsers } from "@/lib/auth/users";
import { listSites } from "@/lib/inventory/sites";
import { listQuotas } from "@/lib/jobs/placement/quotas";
import { adminPrincipal } from "./_components/admin-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

const pages = [
  {
    href: "/admin/users",
    title: "Users",
    text: "Add people, change roles, disable, reset passwords, lift login locks.",
  },
  { href: "/admin/teams", title: "Team quotas", text: "How many GPUs each team's jobs may hold at once." },
  { href: "/admin/sites", title: "Sites", text: "Flat tariff and grid carbon intensity behind cost and CO₂e figures." },
  { href: "/admin/telemetry", title: "Telemetry", text: "Retention, health thresholds, staleness, auto-registration." },
  { href: "/admin/alerts", title: "Alerts and faults", text: "Automatic quarantine and its circuit breaker." },
  { href: "/admin/tokens", title: "API tokens", text: "Tokens that scripts and CI authenticate with." },
];

export default async function AdminSummaryPage() {
  if (!(await adminPrincipal())) return null;
  const [users, tokens, quotas, sites, lockouts] = await Promise.all([
    listUsers(),
    listApiTokens(),
    listQuotas(),
    listSites(),
    listLockouts(),
  ]);
  const active = users.filter((u) => !u.disabled);
  const admins = active.filter((u) => u.role === "admin").length;
  const unpriced = sites.filter((s) => s.tariffPerKwh === null || s.carbonGPerKwh === null).length;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          label="Users"
          value={active.length}
          hint={`${admins} active ${admins === 1 ? "admin" : "admins"} · ${users.length - active.length} disabled`}
          testId="admin-stat-users"
        />
        <StatCard
          label="Locked out now"
          value={lockouts.length}
          hint="user names and addresses after too many failed sign-ins"
        />
        <StatCard label="Active API tokens" value={tokens.filter((t) => !t.revokedAt).length} />
        <StatCard
          label="Sites"
          value={sites.length}
          hint={unpriced > 0 ? `${unpriced} without a tariff or carbon intensity` : "all priced"}
        />
      </div>
      <Card title="Settings" description={`${quotas.length} team ${quotas.length === 1 ? "quota" : "quotas"} set.`}>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {pages.map((p) => (
            <li key={p.href}>
              <Link
                href={p.href}
                className="block h-full rounded-md border border-slate-800 p-3 transition-colors hover:border-emerald-500/40 hover:bg-slate-800/40"
              >
                <span className="text-[13px] font-medium text-slate-100">{p.title}</span>
                <span className="mt-0.5 block text-xs text-slate-400">{p.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
