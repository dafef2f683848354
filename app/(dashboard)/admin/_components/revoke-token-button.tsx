"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/**
 * Revoke with an inline confirmation step: revoking cannot be undone and breaks
 * whatever uses the token, so one stray click must not do it. (No window.confirm:
 * it blocks the page and cannot be styled.)
 */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const { isPending, error, run } = useApiAction();
  const t = useTranslations("admin");

  async function revoke() {
    if (await run("DELETE", `/api/v1/tokens/${encodeURIComponent(id)}`)) setIsConfirming(false);
  }

  if (!isConfirming) {
    return (
      <Button variant="ghost" onClick={() => setIsConfirming(true)} aria-label={t("tokens.revokeName", { name })}>
        {t("tokens.revoke")}
      </Button>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1.5">
        <Button
          variant="danger"
          onClick={revoke}
          disabled={isPending}
          aria-label={t("tokens.confirmRevokeName", { name })}
        >
          {isPending ? t("tokens.revoking") : t("tokens.confirmRevoke")}
        </Button>
        <Button variant="ghost" onClick={() => setIsConfirming(false)} disabled={isPending}>
          {t("common.cancel")}
        </Button>
      </div>
      <ActionError message={error} />
    </div>
  );
}
