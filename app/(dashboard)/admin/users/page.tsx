import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { loginLimits, listLockouts } from "@/lib/auth/lockout";
import { can } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/auth/users";
import { adminPrincipal } from "../_components/admin-access";
import { adminMetadata } from "../_components/admin-metadata";
import { CreateUserForm } from "../_components/create-user-form";
import { LockoutsTable } from "../_components/lockouts-table";
import { UsersTable } from "../_components/users-table";

export const dynamic = "force-dynamic";
export function generateMetadata(): Promise<Metadata> {
  return adminMetadata("users");
}

export default async function AdminUsersPage() {
  const principal = await adminPrincipal();
  if (!principal) return null;
  const [users, lockouts] = await Promise.all([listUsers(), listLockouts()]);
  const active = users.filter((u) => !u.disabled).length;
  const t = await getTranslations("admin.users");
  return (
    <div className="space-y-4">
      <Card title={t("title")} description={t("description", { active, total: users.length })} isFlush>
        <UsersTable users={users} canEdit={can(principal.role, "users.write")} selfName={principal.name} />
      </Card>
      <div className="grid gap-4 xl:grid-cols-3">
        <Card title={t("addTitle")} description={t("addDescription")}>
          <CreateUserForm />
        </Card>
        <Card
          title={t("locksTitle")}
          description={t("locksDescription", {
            userFailures: loginLimits.userFailures,
            windowMinutes: loginLimits.windowMinutes,
            lockMinutes: loginLimits.lockMinutes,
            addressFailures: loginLimits.addressFailures,
          })}
          isFlush
          className="xl:col-span-2"
        >
          <LockoutsTable lockouts={lockouts} />
        </Card>
      </div>
    </div>
  );
}
