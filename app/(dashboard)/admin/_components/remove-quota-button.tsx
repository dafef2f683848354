"use client";

import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/** Removes a team's quota: the team is no longer limited. */
export function RemoveQuotaButton({ team }: { team: string }) {
  const { isPending, error, run } = useApiAction();
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant="ghost"
        onClick={() => run("DELETE", `/api/v1/quotas/${encodeURIComponent(team)}`)}
        disabled={isPending}
        aria-label={`Remove the quota of team ${team}`}
      >
        {isPending ? "Removing…" : "Remove"}
      </Button>
      <ActionError message={error} />
    </div>
  );
}
