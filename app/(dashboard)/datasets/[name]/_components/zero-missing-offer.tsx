"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { useApiErrorMessage } from "@/components/forms/form-wording";
import { requestApi } from "@/components/ui/api-request";
import { Button } from "@/components/ui/form-controls";
import { ActionError } from "@/components/ui/use-api-action";

// Only what this button uses of the answer; the version page shows the rest.
const Recleaned = z.looseObject({ name: z.string(), version: z.number(), isExisting: z.boolean() });

/**
 * Re-cleans this version's stored bytes with zero-means-missing for the
 * suspect columns (added to the ones it already had), then opens the version
 * that holds the result: a new one, or the existing one when those bytes were
 * already cleaned that way.
 */
export function ZeroMissingOffer({
  name,
  version,
  suspects,
  zeroMissing,
}: {
  name: string;
  version: number;
  suspects: string[];
  zeroMissing: string[];
}) {
  const t = useTranslations("datasets.zeroSuspects");
  const tl = useTranslations("datasets");
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function reclean() {
    setIsPending(true);
    setError(null);
    const body = { from: version, zeroMissing: [...new Set([...zeroMissing, ...suspects])] };
    const result = await requestApi("POST", `/api/v1/datasets/${encodeURIComponent(name)}/versions`, {
      body,
      schema: Recleaned,
    });
    setIsPending(false);
    if (!result.ok) return setError(errorMessage(result));
    const { version: target, isExisting } = result.data;
    setStatus(isExisting ? t("alreadyCleaned", { version: target }) : t("stored", { version: target }));
    router.push(`/datasets/${encodeURIComponent(name)}?version=${target}`);
  }

  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <Button variant="primary" onClick={reclean} disabled={isPending} data-testid="zero-missing-offer">
        {isPending ? t("recleaning") : t("reclean", { columns: suspects.join(tl("listSeparator")) })}
      </Button>
      <span className="text-xs text-slate-400">{t("newVersion")}</span>
      {status && (
        <span role="status" className="text-xs text-emerald-300">
          {status}
        </span>
      )}
      <ActionError message={error} className="basis-full" />
    </div>
  );
}
