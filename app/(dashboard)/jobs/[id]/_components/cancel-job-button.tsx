"use client";

import { useState } from "react";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/** Cancel with an inline confirmation: a cancelled run cannot be continued from the UI. */
export function CancelJobButton({ id }: { id: string }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const { isPending, error, run } = useApiAction();

  async function cancel() {
    if (await run("POST", `/api/v1/jobs/${encodeURIComponent(id)}/cancel`)) setIsConfirming(false);
  }

  if (!isConfirming)
    return (
      <Button variant="danger" onClick={() => setIsConfirming(true)}>
        Cancel job
      </Button>
    );
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-1.5">
        <Button variant="danger" onClick={cancel} disabled={isPending}>
          {isPending ? "Cancelling…" : "Confirm cancel"}
        </Button>
        <Button variant="ghost" onClick={() => setIsConfirming(false)} disabled={isPending}>
          Keep running
        </Button>
      </div>
      <ActionError message={error} />
    </div>
  );
}
