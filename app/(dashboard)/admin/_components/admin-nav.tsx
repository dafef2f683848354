"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { adminSections } from "./admin-sections";

/** The summary page, then each settings page. */
const sections = [{ href: "/admin", key: "summary" }, ...adminSections] as const;

/** The Admin area's own navigation: one link per settings page, the current one marked for assistive tech too. */
export function AdminNav() {
  const pathname = usePathname();
  const t = useTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="mb-5">
      <ul className="flex flex-wrap gap-1 border-b border-slate-800/80 pb-2">
        {sections.map((s) => {
          const isCurrent = pathname === s.href;
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`block rounded-md px-3 py-1.5 text-[13px] font-medium transition-colors ${
                  isCurrent
                    ? "bg-emerald-500/10 text-emerald-200 ring-1 ring-inset ring-emerald-500/25"
                    : "text-slate-400 hover:bg-slate-800/60 hover:text-slate-100"
                }`}
              >
                {t(s.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
