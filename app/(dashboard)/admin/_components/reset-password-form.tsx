"use client";

import { useState } from "react";
import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { passwordPolicyText, PasswordResetOut, ResetPasswordInput } from "@/lib/auth/schemas";

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
      <Button variant="ghost" onClick={() => setIsOpen(true)} aria-label={`Reset the password of ${name}`}>
        Reset password
      </Button>
    );
  }
  return (
    <div className="w-72 space-y-2 rounded-md border border-slate-800 p-2.5">
      <form onSubmit={onSubmit} aria-label={`Reset the password of ${name}`} className="space-y-2">
        <fieldset className="space-y-1 text-[13px] text-slate-200">
          <legend className="sr-only">New password for {name}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "generate"} onChange={() => setMode("generate")} />
            Generate one (shown once)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "set"} onChange={() => setMode("set")} />
            Set one myself
          </label>
        </fieldset>
        {mode === "set" && (
          <Field id={id} label={`New password for ${name}`} hint={passwordPolicyText} error={fieldErrors.password}>
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
            {isPending ? "Resetting…" : "Reset password"}
          </Button>
          <Button variant="ghost" onClick={() => (setIsOpen(false), setGenerated(null))}>
            Close
          </Button>
        </div>
      </form>
      {isSaved && generated && (
        <div role="status" className="space-y-1">
          <p className="text-xs text-emerald-200">New password for {name} — copy it now, it is shown only once:</p>
          <input
            readOnly
            value={generated}
            aria-label={`Generated password for ${name}`}
            data-testid="generated-password"
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 font-mono text-[12px] text-slate-100"
          />
        </div>
      )}
      {isSaved && !generated && (
        <p role="status" className="text-xs text-emerald-300">
          Password set; their sessions were ended.
        </p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
