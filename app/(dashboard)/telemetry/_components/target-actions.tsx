"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";

/**
 * Enable/disable and delete for one scrape target. Delete asks once more
 * inline: the target's history (last error, failures) goes with it.
 */
export function TargetActions({ id, url, isEnabled }: { id: string; url: string; isEnabled: boolean }) {
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/v1/telemetry/targets/${encodeURIComponent(id)}`;

  async function run(method: "PATCH" | "DELETE", body?: unknown) {
    setIsPending(true);
    setError(null);
    const result = await requestApi(method, path, body === undefined ? {} : { body });
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
        {isConfirming ? (
          <>
            <Button variant="danger" onClick={() => run("DELETE")} disabled={isPending} aria-label={`Confirm deleting ${url}`}>
              {isPending ? "Deleting…" : "Confirm delete"}
            </Button>
            <Button variant="ghost" onClick={() => setIsConfirming(false)} disabled={isPending}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={() => run("PATCH", { enabled: !isEnabled })} disabled={isPending} aria-label={`${isEnabled ? "Disable" : "Enable"} ${url}`}>
              {isEnabled ? "Disable" : "Enable"}
            </Button>
            <Button variant="ghost" onClick={() => setIsConfirming(true)} disabled={isPending} aria-label={`Delete ${url}`}>
              Delete
            </Button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="max-w-64 text-right text-xs text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}
