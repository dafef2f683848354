import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { RoleBadge } from "@/components/ui/role-badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { UserOut } from "@/lib/auth/users";
import { ResetPasswordForm } from "./reset-password-form";
import { UnlockButton } from "./unlock-button";
import { UserRoleForm } from "./user-role-form";
import { UserStatusActions } from "./user-status-actions";

function Status({ user }: { user: UserOut }) {
  const t = useTranslations("admin.users");
  if (user.disabled) return <Badge tone="neutral">{t("disabled")}</Badge>;
  const until = user.lockedUntil;
  if (until) {
    return (
      <span className="flex flex-col items-start gap-0.5">
        <Badge tone="warn">{t("locked")}</Badge>
        <span className="text-[11px] text-slate-400">
          {t.rich("until", { at: until, time: () => <UtcTime iso={until} /> })}
        </span>
      </span>
    );
  }
  return (
    <Badge tone="good" hasDot>
      {t("active")}
    </Badge>
  );
}

/**
 * Everyone who can sign in, each with the admin's actions. `canEdit` is false
 * for readers without users.write; `selfName` is the signed-in admin, who
 * cannot disable themselves (the API refuses too; here the button is absent).
 */
export function UsersTable({ users, canEdit, selfName }: { users: UserOut[]; canEdit: boolean; selfName: string }) {
  const t = useTranslations("admin");
  return (
    <Table label={t("users.table")}>
      <THead>
        <Th>{t("common.name")}</Th>
        <Th>{t("common.role")}</Th>
        <Th>{t("common.created")}</Th>
        <Th>{t("common.status")}</Th>
        {canEdit && <Th>{t("common.actions")}</Th>}
      </THead>
      <TBody>
        {users.map((u) => (
          <Tr key={u.id} testId="user-row">
            <Td isMono className="font-medium text-slate-50">
              {u.name}
              {u.name === selfName && (
                <span className="ml-1.5 font-sans text-[11px] text-slate-400">{t("users.you")}</span>
              )}
            </Td>
            <Td>{canEdit ? <UserRoleForm name={u.name} role={u.role} /> : <RoleBadge role={u.role} />}</Td>
            <Td isMuted>
              <UtcTime iso={u.createdAt} />
            </Td>
            <Td>
              <Status user={u} />
            </Td>
            {canEdit && (
              <Td>
                <div className="flex flex-wrap items-start gap-1.5">
                  {u.name !== selfName && <UserStatusActions name={u.name} isDisabled={u.disabled} />}
                  {u.lockedUntil && <UnlockButton kind="user" subject={u.name} />}
                  <ResetPasswordForm name={u.name} />
                </div>
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
