"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";

/** Pause/resume and delete (with a confirmation step) for one schedule. */
export function ScheduleActions({ id, isEnabled }: { id: string; isEnabled: boolean }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(method: "PATCH" | "DELETE", body?: unknown) {
    setIsPending(true);
    setError(null);
    const result = await requestApi(method, `/api/v1/schedules/${encodeURIComponent(id)}`, { body });
    setIsPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setIsConfirming(false);
    router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1.5">
        <Button variant="ghost" disabled={isPending} onClick={() => send("PATCH", { enabled: !isEnabled })}>
          {isEnabled ? "Pause" : "Resume"}
        </Button>
        {isConfirming ? (
          <>
            <Button variant="danger" disabled={isPending} onClick={() => send("DELETE")}>
              Confirm delete
            </Button>
            <Button variant="ghost" disabled={isPending} onClick={() => setIsConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <Button variant="ghost" disabled={isPending} onClick={() => setIsConfirming(true)}>
            Delete
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}
