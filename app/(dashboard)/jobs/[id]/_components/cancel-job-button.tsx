"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";

/** Cancel with an inline confirmation: a cancelled run cannot be continued from the UI. */
export function CancelJobButton({ id }: { id: string }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    setIsPending(true);
    setError(null);
    const result = await requestApi("POST", `/api/v1/jobs/${encodeURIComponent(id)}/cancel`);
    setIsPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setIsConfirming(false);
    router.refresh();
  }

  if (!isConfirming) return <Button variant="danger" onClick={() => setIsConfirming(true)}>Cancel job</Button>;
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
      {error && (
        <p role="alert" className="text-xs text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}
