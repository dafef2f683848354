"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/** Lifts a login lock before it ends by itself (DELETE /api/v1/auth/lockouts/{kind}/{subject}). */
export function UnlockButton({ kind, subject }: { kind: "user" | "address"; subject: string }) {
  const { isPending, error, run } = useApiAction();
  const t = useTranslations("admin.users");
  const path = `/api/v1/auth/lockouts/${kind}/${encodeURIComponent(subject)}`;
  return (
    <div className="flex flex-col gap-1">
      <Button onClick={() => run("DELETE", path)} disabled={isPending} aria-label={t("unlockSubject", { subject })}>
        {isPending ? t("unlocking") : t("unlock")}
      </Button>
      <ActionError message={error} />
    </div>
  );
}
