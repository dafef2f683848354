"use client";

import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/** Lifts a login lock before it ends by itself (DELETE /api/v1/auth/lockouts/{kind}/{subject}). */
export function UnlockButton({ kind, subject }: { kind: "user" | "address"; subject: string }) {
  const { isPending, error, run } = useApiAction();
  const path = `/api/v1/auth/lockouts/${kind}/${encodeURIComponent(subject)}`;
  return (
    <div className="flex flex-col gap-1">
      <Button onClick={() => run("DELETE", path)} disabled={isPending} aria-label={`Unlock ${subject}`}>
        {isPending ? "Unlocking…" : "Unlock"}
      </Button>
      <ActionError message={error} />
    </div>
  );
}
