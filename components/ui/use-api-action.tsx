"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiErrorMessage } from "@/components/forms/form-wording";
import { requestApi } from "./api-request";

type Method = "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API call behind a button: pending and error state, and a refresh of the
 * server-rendered page when it succeeded. `run` answers whether it did, so the
 * caller can close its confirmation step. A refusal is said in the reader's
 * language where the catalogue can (form-wording.ts).
 */
export function useApiAction() {
  const router = useRouter();
  const errorMessage = useApiErrorMessage();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(method: Method, path: string, body?: unknown): Promise<boolean> {
    setIsPending(true);
    setError(null);
    const result = await requestApi(method, path, body === undefined ? {} : { body });
    setIsPending(false);
    if (!result.ok) {
      setError(errorMessage(result));
      return false;
    }
    router.refresh();
    return true;
  }

  return { isPending, error, run };
}

/** The error line under an action's buttons. */
export function ActionError({ message, className = "" }: { message: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`text-xs text-rose-300 ${className}`.trim()}>
      {message}
    </p>
  );
}
