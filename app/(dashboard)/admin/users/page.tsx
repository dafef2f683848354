import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { loginLimits, listLockouts } from "@/lib/auth/lockout";
import { can } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/auth/users";
import { adminPrincipal } from "../_components/admin-access";
import { CreateUserForm } from "../_components/create-user-form";
import { LockoutsTable } from "../_components/lockouts-table";
import { UsersTable } from "../_components/users-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage() {
  const principal = await adminPrincipal();
  if (!principal) return null;
  const [users, lockouts] = await Promise.all([listUsers(), listLockouts()]);
  const active = users.filter((u) => !u.disabled).length;
  return (
    <div className="space-y-4">
      <Card
        title="Users"
        description={`${active} of ${users.length} can sign in. Disabling ends a user's sessions and revokes the API tokens they created; the last active admin cannot be demoted or disabled.`}
        isFlush
      >
        <UsersTable users={users} canEdit={can(principal.role, "users.write")} selfName={principal.name} />
      </Card>
      <div className="grid gap-4 xl:grid-cols-3">
        <Card title="Add a user" description="They sign in at /login with this name and password.">
          <CreateUserForm />
        </Card>
        <Card
          title="Login locks"
          description={`${loginLimits.userFailures} failed passwords for one name within ${loginLimits.windowMinutes} minutes lock that name for ${loginLimits.lockMinutes} minutes; ${loginLimits.addressFailures} from one address lock the address. Locks end by themselves; unlock to end one now.`}
          isFlush
          className="xl:col-span-2"
        >
          <LockoutsTable lockouts={lockouts} />
        </Card>
      </div>
    </div>
  );
}
