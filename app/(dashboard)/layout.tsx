import type { ReactNode } from "react";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { DashboardShell } from "./_components/dashboard-shell";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await requirePagePrincipal();
  return <DashboardShell principal={principal}>{children}</DashboardShell>;
}
