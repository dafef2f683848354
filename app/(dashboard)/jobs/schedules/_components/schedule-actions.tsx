"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/** Pause/resume and delete (with a confirmation step) for one schedule. */
export function ScheduleActions({ id, isEnabled }: { id: string; isEnabled: boolean }) {
  const t = useTranslations("jobs.schedulesPage");
  const [isConfirming, setIsConfirming] = useState(false);
  const { isPending, error, run } = useApiAction();

  async function send(method: "PATCH" | "DELETE", body?: unknown) {
    if (await run(method, `/api/v1/schedules/${encodeURIComponent(id)}`, body)) setIsConfirming(false);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1.5">
        <Button variant="ghost" disabled={isPending} onClick={() => send("PATCH", { enabled: !isEnabled })}>
          {isEnabled ? t("pause") : t("resume")}
        </Button>
        {isConfirming ? (
          <>
            <Button variant="danger" disabled={isPending} onClick={() => send("DELETE")}>
              {t("confirmDelete")}
            </Button>
            <Button variant="ghost" disabled={isPending} onClick={() => setIsConfirming(false)}>
              {t("keep")}
            </Button>
          </>
        ) : (
          <Button variant="ghost" disabled={isPending} onClick={() => setIsConfirming(true)}>
            {t("delete")}
          </Button>
        )}
      </div>
      <ActionError message={error} />
    </div>
  );
}
