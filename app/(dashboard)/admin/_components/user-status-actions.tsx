"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button, FieldError } from "@/components/ui/form-controls";
import { UpdateUserInput } from "@/lib/auth/schemas";

/**
 * Disable (with an inline confirmation: it ends the user's sessions and
 * revokes their tokens) or enable again. A refusal — yourself, the last
 * admin — is shown in the API's words under the buttons.
 */
export function UserStatusActions({ name, isDisabled }: { name: string; isDisabled: boolean }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const { isPending, error, fieldErrors, submit } = useApiForm(["disabled"]);
  const id = `user-${name}-disabled`;
  const t = useTranslations("admin");
  const message = fieldErrors.disabled ?? error ?? undefined;
  const url = `/api/v1/users/${encodeURIComponent(name)}`;

  async function setDisabled(disabled: boolean) {
    if (await submit("PATCH", url, UpdateUserInput, { disabled })) setIsConfirming(false);
  }

  let buttons;
  if (isDisabled) {
    buttons = (
      <Button onClick={() => setDisabled(false)} disabled={isPending}>
        {isPending ? t("users.enabling") : t("users.enable")}
        <span className="sr-only">: {name}</span>
      </Button>
    );
  } else if (!isConfirming) {
    buttons = (
      <Button variant="ghost" onClick={() => setIsConfirming(true)} {...invalidProps(id, message)}>
        {t("users.disable")}
        <span className="sr-only">: {name}</span>
      </Button>
    );
  } else {
    buttons = (
      <>
        <Button variant="danger" onClick={() => setDisabled(true)} disabled={isPending} {...invalidProps(id, message)}>
          {isPending ? t("users.disabling") : t("users.confirmDisable")}
          <span className="sr-only">: {name}</span>
        </Button>
        <Button variant="ghost" onClick={() => setIsConfirming(false)} disabled={isPending}>
          {t("common.cancel")}
        </Button>
      </>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-1.5">{buttons}</div>
      {isConfirming && !message && <p className="max-w-64 text-[11px] text-slate-400">{t("users.disableEffect")}</p>}
      <FieldError id={id} message={message} className="max-w-64" />
    </div>
  );
}
