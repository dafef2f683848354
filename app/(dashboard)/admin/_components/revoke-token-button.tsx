"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";

/**
 * Revoke with an inline confirmation step: revoking cannot be undone and breaks
 * whatever uses the token, so one stray click must not do it. (No window.confirm:
 * it blocks the page and cannot be styled.)
 */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setIsPending(true);
    setError(null);
    const result = await requestApi("DELETE", `/api/v1/tokens/${encodeURIComponent(id)}`);
    setIsPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setIsConfirming(false);
    router.refresh();
  }

  if (!isConfirming) {
    return (
      <Button variant="ghost" onClick={() => setIsConfirming(true)} aria-label={`Revoke token ${name}`}>
        Revoke
      </Button>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1.5">
        <Button variant="danger" onClick={revoke} disabled={isPending} aria-label={`Confirm revoking token ${name}`}>
          {isPending ? "Revoking…" : "Confirm revoke"}
        </Button>
        <Button variant="ghost" onClick={() => setIsConfirming(false)} disabled={isPending}>
          Cancel
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
