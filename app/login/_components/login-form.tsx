"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { LoginInput } from "@/lib/auth/schemas";

/** `next` was checked by the server page to be a same-site path. */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = checkInput(LoginInput, { name: data.get("name"), password: data.get("password") }, { wording });
    setError(null);
    setFieldErrors(input.ok ? {} : input.errors);
    if (!input.ok) return;
    setIsPending(true);
    const result = await requestApi("POST", "/api/v1/auth/login", { body: input.data });
    if (!result.ok) {
      // On this form alone, unauthenticated means the name or password was wrong, not a lapsed session
      // (the API says "Wrong user name or password"; the English message is those same words).
      setError(result.code === "unauthenticated" ? t("wrongCredentials") : errorMessage(result));
      setIsPending(false);
      return;
    }
    // Stay "pending" through the navigation so a second click cannot sign in twice.
    // A full load, not router.replace: the root layout (the language, <html lang>)
    // is not re-rendered on a client navigation, and the user's own language
    // applies from now on.
    window.location.replace(next);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={t("formLabel")}>
      <Field id="login-name" label={t("userName")} error={fieldErrors.name}>
        <TextInput
          id="login-name"
          name="name"
          autoComplete="username"
          autoFocus
          required
          autoCapitalize="none"
          spellCheck={false}
          {...invalidProps("login-name", fieldErrors.name)}
        />
      </Field>
      <Field id="login-password" label={t("password")} error={fieldErrors.password}>
        <TextInput
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...invalidProps("login-password", fieldErrors.password)}
        />
      </Field>
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" variant="primary" className="w-full py-2" disabled={isPending}>
        {isPending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
