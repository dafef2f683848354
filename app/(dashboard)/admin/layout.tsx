import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import { AdminNav } from "./_components/admin-nav";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { principal, allowed } = await pagePrincipalWith("users.read");
  const [t, roles] = await Promise.all([getTranslations("admin"), getTranslations("shell.roles")]);
  const header = <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />;
  // A plain message rather than a 403 page: the reader is signed in and should learn why, and whom to ask.
  if (!allowed) {
    return (
      <>
        {header}
        <Notice tone="warn" title={t("needsAdminTitle")}>
          {t.rich("needsAdmin", {
            name: principal.name,
            role: roles(principal.role),
            mono: (chunks) => <span className="font-mono">{chunks}</span>,
          })}
        </Notice>
      </>
    );
  }
  return (
    <>
      {header}
      <AdminNav />
      {children}
    </>
  );
}
