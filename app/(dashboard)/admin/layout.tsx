import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import { AdminNav } from "./_components/admin-nav";

export const dynamic = "force-dynamic";

const header = (
  <PageHeader
    eyebrow="Governance"
    title="Admin"
    description="Who can sign in, what teams may use, what energy costs, and how telemetry and faults are handled. Every change here is written to the audit log."
  />
);

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { principal, allowed } = await pagePrincipalWith("users.read");
  // A plain message rather than a 403 page: the reader is signed in and should learn why, and whom to ask.
  if (!allowed) {
    return (
      <>
        {header}
        <Notice tone="warn" title="This page needs the admin role">
          You are signed in as <span className="font-mono">{principal.name}</span> with the {principal.role} role. Ask
          an administrator to change users, quotas or settings for you.
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
