"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/ui/icons";
import type { Permission } from "@/lib/auth/permissions";

/** `permission`: shown only to roles holding it. */
export type NavItem = { href: string; label: string; icon: IconName; isPlanned?: boolean; permission?: Permission };
export type NavGroup = { label: string; items: NavItem[] };

// A section stays highlighted on its sub-pages (/fleet/x lights up Fleet).
function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ groups }: { groups: NavGroup[] }) {
  const pathname = usePathname();
  const t = useTranslations("shell");
  return (
    <nav aria-label={t("mainNav")} className="flex-1 overflow-y-auto px-2 py-3">
      {groups.map((group) => (
        <div key={group.label} className="mb-4">
          <p className="px-2.5 pb-1.5 text-[10px] font-semibold uppercase tracking-[0.16em] text-slate-500">
            {group.label}
          </p>
          <ul className="space-y-0.5">
            {group.items.map((item) => (
              <li key={item.href}>
                <NavLink item={item} isActive={isActive(pathname, item.href)} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function NavLink({ item, isActive }: { item: NavItem; isActive: boolean }) {
  const t = useTranslations("shell");
  const state = isActive
    ? "bg-emerald-500/10 text-emerald-200 ring-1 ring-inset ring-emerald-500/25"
    : "text-slate-400 hover:bg-slate-800/60 hover:text-slate-100";
  return (
    <Link
      href={item.href}
      aria-current={isActive ? "page" : undefined}
      className={`group flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-[13px] font-medium transition-colors ${state}`}
    >
      <Icon
        name={item.icon}
        className={`size-4 shrink-0 ${isActive ? "text-emerald-400" : "text-slate-500 group-hover:text-slate-300"}`}
      />
      <span className="flex-1">{item.label}</span>
      {item.isPlanned && (
        <span className="text-[10px] font-normal uppercase tracking-wider text-slate-500">{t("soon")}</span>
      )}
    </Link>
  );
}
