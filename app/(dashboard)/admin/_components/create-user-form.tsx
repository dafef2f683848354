"use client";

import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { CreateUserInput, passwordPolicyText, UserOut } from "@/lib/auth/schemas";
import { RoleSelect } from "./role-select";

const fields = ["name", "role", "password"] as const;

/** Adds a person who can sign in, with the initial password the admin passes on to them. */
export function CreateUserForm() {
  const { isPending, error, fieldErrors, isSaved, submit } = useApiForm(fields);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = { name: data.get("name"), role: data.get("role"), password: data.get("password") };
    if (await submit("POST", "/api/v1/users", CreateUserInput, value, UserOut)) form.reset();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Add a user">
      <Field id="user-name" label="User name" hint="What they type to sign in." error={fieldErrors.name}>
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
      <Field id="user-role" label="Role" error={fieldErrors.role}>
        <RoleSelect id="user-role" defaultValue="viewer" error={fieldErrors.role} />
      </Field>
      <Field id="user-password" label="Initial password" hint={passwordPolicyText} error={fieldErrors.password}>
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
        {isPending ? "Adding…" : "Add user"}
      </Button>
      {isSaved && (
        <p role="status" className="text-xs text-emerald-300">
          The user was added; pass the password on to them.
        </p>
      )}
      {error && (
        <Notice tone="error" title="The user was not added">
          {error}
        </Notice>
      )}
    </form>
  );
}
