"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/** Removes a team's quota: the team is no longer limited. */
export function RemoveQuotaButton({ team }: { team: string }) {
  const { isPending, error, run } = useApiAction();
  const t = useTranslations("admin.teams");
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant="ghost"
        onClick={() => run("DELETE", `/api/v1/quotas/${encodeURIComponent(team)}`)}
        disabled={isPending}
        aria-label={t("removeOf", { team })}
      >
        {isPending ? t("removing") : t("remove")}
      </Button>
      <ActionError message={error} />
    </div>
  );
}
