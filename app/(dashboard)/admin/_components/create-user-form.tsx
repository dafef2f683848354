"use client";

import { useTranslations } from "next-intl";
import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { CreateUserInput, PASSWORD_MIN_LENGTH, UserOut } from "@/lib/auth/schemas";
import { RoleSelect } from "./role-select";

const fields = ["name", "role", "password"] as const;

/** Adds a person who can sign in, with the initial password the admin passes on to them. */
export function CreateUserForm() {
  const { isPending, error, fieldErrors, isSaved, submit } = useApiForm(fields);
  const t = useTranslations("admin");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = { name: data.get("name"), role: data.get("role"), password: data.get("password") };
    if (await submit("POST", "/api/v1/users", CreateUserInput, value, UserOut)) form.reset();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("users.addTitle")}>
      <Field
        id="user-name"
        label={t("createUser.userName")}
        hint={t("createUser.userNameHint")}
        error={fieldErrors.name}
      >
        <TextInput
          id="user-name"
          name="name"
          required
          maxLength={100}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...invalidProps("user-name", fieldErrors.name)}
        />
      </Field>
      <Field id="user-role" label={t("common.role")} error={fieldErrors.role}>
        <RoleSelect id="user-role" defaultValue="viewer" error={fieldErrors.role} />
      </Field>
      <Field
        id="user-password"
        label={t("createUser.initialPassword")}
        hint={t("passwordPolicy", { min: PASSWORD_MIN_LENGTH })}
        error={fieldErrors.password}
      >
        <TextInput
          id="user-password"
          name="password"
          type="password"
          required
          autoComplete="new-password"
          {...invalidProps("user-password", fieldErrors.password)}
        />
      </Field>
      <Button type="submit" variant="primary" disabled={isPending}>
        {isPending ? t("createUser.adding") : t("createUser.add")}
      </Button>
      {isSaved && (
        <p role="status" className="text-xs text-emerald-300">
          {t("createUser.added")}
        </p>
      )}
      {error && (
        <Notice tone="error" title={t("createUser.notAdded")}>
          {error}
        </Notice>
      )}
    </form>
  );
}
