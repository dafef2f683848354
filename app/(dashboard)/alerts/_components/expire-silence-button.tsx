"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

export function ExpireSilenceButton({ id }: { id: string }) {
  const { isPending, error, run } = useApiAction();
  const t = useTranslations("alerts.silences");
  return (
    <div>
      <Button variant="secondary" disabled={isPending} onClick={() => void run("DELETE", `/api/v1/silences/${id}`)}>
        {isPending ? t("ending") : t("endNow")}
      </Button>
      <ActionError message={error} />
    </div>
  );
}
