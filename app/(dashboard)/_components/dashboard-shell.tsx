import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/ui/icons";
import { RoleBadge } from "@/components/ui/role-badge";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { version } from "@/lib/version";
import { FiringAlertsBar } from "./firing-alerts-bar";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { NavLinks, type NavGroup } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";

// The dashboard's frame: sidebar (brand, navigation, who is signed in) and the
// main column. The dashboard layout wraps every page in it, and the root
// not-found page uses it too, so an unknown URL still looks like Rackmind.

type NavKey =
  | "overview"
  | "fleet"
  | "racks"
  | "telemetry"
  | "energy"
  | "alerts"
  | "datasets"
  | "jobs"
  | "models"
  | "deployments"
  | "audit"
  | "admin";

// Labels are catalogue keys (shell.nav.*), so the structure stays in one place and only words are translated.
// An item with a permission is shown only to readers who hold it (the viewer sees no Admin link).
const navigation: {
  group: "infrastructure" | "ml" | "governance";
  items: { key: NavKey; icon: IconName; permission?: Permission }[];
}[] = [
  {
    group: "infrastructure",
    items: [
      { key: "overview", icon: "overview" },
      { key: "fleet", icon: "fleet" },
      { key: "racks", icon: "rack" },
      { key: "telemetry", icon: "telemetry" },
      { key: "energy", icon: "energy" },
      { key: "alerts", icon: "alerts" },
    ],
  },
  {
    group: "ml",
    items: [
      { key: "datasets", icon: "datasets" },
      { key: "jobs", icon: "jobs" },
      { key: "models", icon: "models" },
      { key: "deployments", icon: "deployments" },
    ],
  },
  {
    group: "governance",
    items: [
      { key: "audit", icon: "audit" },
      { key: "admin", icon: "admin", permission: "users.read" },
    ],
  },
];

/** The sections `principal` may open, in the reader's words: a link to a page that would only refuse them is noise. */
function navigationFor(principal: Principal, t: (key: string) => string): NavGroup[] {
  return navigation.map(({ group, items }) => ({
    label: t(`navGroups.${group}`),
    items: items
      .filter((item) => !item.permission || can(principal.role, item.permission))
      .map(({ key, icon }) => ({ href: `/${key}`, label: t(`nav.${key}`), icon })),
  }));
}

/**
 * The sidebar and main column around a dashboard page, for a signed-in `principal`.
 * A skip link comes first, so the keyboard reaches the page without Tabbing through the navigation.
 */
export function DashboardShell({ principal, children }: { principal: Principal; children: ReactNode }) {
  const t = useTranslations("shell");
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-emerald-500 focus:px-3 focus:py-2 focus:text-sm focus:font-semibold focus:text-slate-950"
      >
        {t("skipToContent")}
      </a>
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-slate-800 bg-slate-900/40">
        <div className="flex items-center gap-2.5 border-b border-slate-800 px-4 py-3.5">
          <span className="grid size-7 place-items-center rounded-md bg-emerald-500/15 text-emerald-400 ring-1 ring-inset ring-emerald-500/30">
            <Icon name="rack" className="size-4" />
          </span>
          <div className="leading-tight">
            <p className="text-sm font-semibold tracking-tight text-slate-50">{t("brand")}</p>
            <p className="text-[10px] uppercase tracking-[0.14em] text-slate-500">{t("tagline")}</p>
          </div>
        </div>
        <NavLinks groups={navigationFor(principal, t)} />
        <footer className="border-t border-slate-800 p-2">
          <div className="flex items-center gap-2.5 px-2.5 py-2" data-testid="signed-in-user">
            <span
              aria-hidden
              className="grid size-7 place-items-center rounded-full bg-slate-800 text-xs font-semibold uppercase text-slate-300"
            >
              {principal.name.slice(0, 1)}
            </span>
            <div className="min-w-0 flex-1">
              <p className="truncate text-[13px] font-medium text-slate-100">{principal.name}</p>
              <RoleBadge role={principal.role} />
            </div>
          </div>
          <SignOutButton />
          <p className="px-2.5 pt-2 font-mono text-[10px] text-slate-500">{t("version", { version })}</p>
        </footer>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex items-center gap-4 border-b border-slate-800 bg-slate-900/30 px-6 py-1.5">
          <FiringAlertsBar />
          <LocaleSwitcher isSignedIn={principal.kind === "user"} />
          <ThemeSwitch />
        </header>
        {/* tabIndex -1: the skip link's target takes the focus, so the next Tab is the page's first control. */}
        <main id="main" tabIndex={-1} className="focus:outline-none">
          <div className="mx-auto max-w-[1400px] px-6 py-6">{children}</div>
        </main>
      </div>
    </div>
  );
}
