import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, StatCard } from "@/components/ui/card";
import { listLockouts } from "@/lib/auth/lockout";
import { listApiTokens } from "@/lib/auth/tokens";
import { listUsers } from "@/lib/auth/users";
import { listSites } from "@/lib/inventory/sites";
import { listQuotas } from "@/lib/jobs/placement/quotas";
import { adminPrincipal } from "./_components/admin-access";
import { adminSections } from "./_components/admin-sections";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

const pages = adminSections;

export default async function AdminSummaryPage() {
  if (!(await adminPrincipal())) return null;
  const [users, tokens, quotas, sites, lockouts] = await Promise.all([
    listUsers(),
    listApiTokens(),
    listQuotas(),
    listSites(),
    listLockouts(),
  ]);
  const t = await getTranslations("admin");
  const active = users.filter((u) => !u.disabled);
  const admins = active.filter((u) => u.role === "admin").length;
  const unpriced = sites.filter((s) => s.tariffPerKwh === null || s.carbonGPerKwh === null).length;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          label={t("summary.usersStat")}
          value={active.length}
          hint={t("summary.usersHint", { admins, disabled: users.length - active.length })}
          testId="admin-stat-users"
        />
        <StatCard label={t("summary.lockedOut")} value={lockouts.length} hint={t("summary.lockedOutHint")} />
        <StatCard label={t("summary.activeTokens")} value={tokens.filter((tk) => !tk.revokedAt).length} />
        <StatCard
          label={t("summary.sitesStat")}
          value={sites.length}
          hint={unpriced > 0 ? t("summary.unpriced", { count: unpriced }) : t("summary.allPriced")}
        />
      </div>
      <Card title={t("summary.settings")} description={t("summary.quotasSet", { count: quotas.length })}>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {pages.map((p) => (
            <li key={p.href}>
              <Link
                href={p.href}
                className="block h-full rounded-md border border-slate-800 p-3 transition-colors hover:border-emerald-500/40 hover:bg-slate-800/40"
              >
                <span className="text-[13px] font-medium text-slate-100">{t(`nav.${p.key}`)}</span>
                <span className="mt-0.5 block text-xs text-slate-400">{t(`summary.${p.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
