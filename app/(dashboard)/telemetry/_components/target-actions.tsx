"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/**
 * Enable/disable and delete for one scrape target. Delete asks once more
 * inline: the target's history (last error, failures) goes with it.
 */
export function TargetActions({ id, url, isEnabled }: { id: string; url: string; isEnabled: boolean }) {
  const t = useTranslations("telemetry.targetActions");
  const [isConfirming, setIsConfirming] = useState(false);
  const action = useApiAction();
  const { isPending, error } = action;
  const path = `/api/v1/telemetry/targets/${encodeURIComponent(id)}`;

  async function run(method: "PATCH" | "DELETE", body?: unknown) {
    if (await action.run(method, path, body)) setIsConfirming(false);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1.5">
        {isConfirming ? (
          <>
            <Button
              variant="danger"
              onClick={() => run("DELETE")}
              disabled={isPending}
              aria-label={t("confirmLabel", { url })}
            >
              {isPending ? t("deleting") : t("confirm")}
            </Button>
            <Button variant="ghost" onClick={() => setIsConfirming(false)} disabled={isPending}>
              {t("cancel")}
            </Button>
          </>
        ) : (
          <>
            <Button
              variant="ghost"
              onClick={() => run("PATCH", { enabled: !isEnabled })}
              disabled={isPending}
              aria-label={isEnabled ? t("disableLabel", { url }) : t("enableLabel", { url })}
            >
              {isEnabled ? t("disable") : t("enable")}
            </Button>
            <Button
              variant="ghost"
              onClick={() => setIsConfirming(true)}
              disabled={isPending}
              aria-label={t("deleteLabel", { url })}
            >
              {t("delete")}
            </Button>
          </>
        )}
      </div>
      <ActionError message={error} className="max-w-64 text-right" />
    </div>
  );
}
