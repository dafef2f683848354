"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/** Cancel with an inline confirmation: a cancelled run cannot be continued from the UI. */
export function CancelJobButton({ id }: { id: string }) {
  const t = useTranslations("jobs.cancel");
  const [isConfirming, setIsConfirming] = useState(false);
  const { isPending, error, run } = useApiAction();

  async function cancel() {
    if (await run("POST", `/api/v1/jobs/${encodeURIComponent(id)}/cancel`)) setIsConfirming(false);
  }

  if (!isConfirming)
    return (
      <Button variant="danger" onClick={() => setIsConfirming(true)}>
        {t("cancel")}
      </Button>
    );
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-1.5">
        <Button variant="danger" onClick={cancel} disabled={isPending}>
          {isPending ? t("cancelling") : t("confirm")}
        </Button>
        <Button variant="ghost" onClick={() => setIsConfirming(false)} disabled={isPending}>
          {t("keep")}
        </Button>
      </div>
      <ActionError message={error} />
    </div>
  );
}
