"use client";

import { useTranslations } from "next-intl";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button, FieldError } from "@/components/ui/form-controls";
import { type Role } from "@/lib/auth/permissions";
import { UpdateUserInput } from "@/lib/auth/schemas";
import { RoleSelect } from "./role-select";

/** A user's role, changed in place; the API's refusal (the last admin) shows under it. */
export function UserRoleForm({ name, role }: { name: string; role: Role }) {
  const { isPending, error, fieldErrors, submit } = useApiForm(["role"]);
  const id = `user-${name}-role`;
  const t = useTranslations("admin");
  const message = fieldErrors.role ?? error ?? undefined;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new FormData(event.currentTarget).get("role");
    await submit("PATCH", `/api/v1/users/${encodeURIComponent(name)}`, UpdateUserInput, { role: next });
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("users.changeRole", { name })} className="flex flex-col gap-1">
      <div className="flex items-center gap-1.5">
        <label htmlFor={id} className="sr-only">
          {t("users.roleOf", { name })}
        </label>
        <div className="w-32">
          <RoleSelect id={id} defaultValue={role} error={message} />
        </div>
        <Button type="submit" variant="ghost" disabled={isPending}>
          {isPending ? t("common.saving") : t("common.save")}{" "}
          <span className="sr-only">{t("users.saveRoleOf", { name })}</span>
        </Button>
      </div>
      <FieldError id={id} message={message} className="max-w-64" />
    </form>
  );
}
