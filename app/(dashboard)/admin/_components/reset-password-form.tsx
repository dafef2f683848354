"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PASSWORD_MIN_LENGTH, PasswordResetOut, ResetPasswordInput } from "@/lib/auth/schemas";

/**
 * Resets a user's password: generated (shown here once, then gone — only a
 * hash is stored) or chosen by the admin under the policy. Either way the
 * user's sessions end and a login lock on the name is lifted.
 */
export function ResetPasswordForm({ name }: { name: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const [mode, setMode] = useState<"generate" | "set">("generate");
  const [generated, setGenerated] = useState<string | null>(null);
  const { isPending, error, fieldErrors, isSaved, submit } = useApiForm(["password"]);
  const id = `user-${name}-password`;
  const t = useTranslations("admin");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = mode === "set" ? { password: new FormData(form).get("password") } : {};
    const url = `/api/v1/users/${encodeURIComponent(name)}/password`;
    const done = await submit("POST", url, ResetPasswordInput, value, PasswordResetOut);
    if (!done) return;
    setGenerated(done.data.generatedPassword);
    form.reset();
  }

  if (!isOpen) {
    return (
      <Button variant="ghost" onClick={() => setIsOpen(true)}>
        {t("resetPassword.open")}
        <span className="sr-only">: {name}</span>
      </Button>
    );
  }
  return (
    <div className="w-72 space-y-2 rounded-md border border-slate-800 p-2.5">
      <form onSubmit={onSubmit} aria-label={t("resetPassword.of", { name })} className="space-y-2">
        <fieldset className="space-y-1 text-[13px] text-slate-200">
          <legend className="sr-only">{t("resetPassword.newFor", { name })}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "generate"} onChange={() => setMode("generate")} />
            {t("resetPassword.generate")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "set"} onChange={() => setMode("set")} />
            {t("resetPassword.setMyself")}
          </label>
        </fieldset>
        {mode === "set" && (
          <Field
            id={id}
            label={t("resetPassword.newFor", { name })}
            hint={t("passwordPolicy", { min: PASSWORD_MIN_LENGTH })}
            error={fieldErrors.password}
          >
            <TextInput
              id={id}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              {...invalidProps(id, fieldErrors.password)}
            />
          </Field>
        )}
        <div className="flex gap-1.5">
          <Button type="submit" variant="primary" disabled={isPending}>
            {isPending ? t("resetPassword.resetting") : t("resetPassword.open")}
          </Button>
          <Button variant="ghost" onClick={() => (setIsOpen(false), setGenerated(null))}>
            {t("resetPassword.close")}
          </Button>
        </div>
      </form>
      {isSaved && generated && (
        <div role="status" className="space-y-1">
          <p className="text-xs text-emerald-200">{t("resetPassword.copyNow", { name })}</p>
          <input
            readOnly
            value={generated}
            aria-label={t("resetPassword.generated", { name })}
            data-testid="generated-password"
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 font-mono text-[12px] text-slate-100"
          />
        </div>
      )}
      {isSaved && !generated && (
        <p role="status" className="text-xs text-emerald-300">
          {t("resetPassword.set")}
        </p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
