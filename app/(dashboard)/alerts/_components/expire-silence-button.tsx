"use client";

import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

export function ExpireSilenceButton({ id }: { id: string }) {
  const { isPending, error, run } = useApiAction();
  return (
    <div>
      <Button variant="secondary" disabled={isPending} onClick={() => void run("DELETE", `/api/v1/silences/${id}`)}>
        {isPending ? "Ending…" : "End now"}
      </Button>
      <ActionError message={error} />
    </div>
  );
}
