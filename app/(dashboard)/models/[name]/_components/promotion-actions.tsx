"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormWording } from "@/components/forms/form-wording";
import { checkInput } from "@/components/forms/schema-check";
import { Button, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";
import { DecidePromotionInput } from "@/lib/models/schemas";

type Decision = "approve" | "reject" | "withdraw";

/**
 * What the reader may do with a pending promotion: its requester withdraws
 * it; another admin approves (the alias moves then) or rejects it, with an
 * optional note. The API enforces the same; this only offers what will work.
 */
export function PromotionActions({
  name,
  id,
  summary,
  isRequester,
  canDecide,
}: {
  name: string;
  id: string;
  /** "production → v3", for the buttons' accessible names. */
  summary: string;
  isRequester: boolean;
  canDecide: boolean;
}) {
  const t = useTranslations("models.promotions");
  const wording = useFormWording();
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { isPending, error, run } = useApiAction();

  async function decide(decision: Decision) {
    const body = note.trim() ? { note: note.trim() } : {};
    const input = checkInput(DecidePromotionInput, body, { wording });
    setProblem(input.ok ? null : t("noteProblem", { message: input.messages[0]?.message ?? "" }));
    if (!input.ok) return;
    const path = decision === "approve" ? "approve" : "reject";
    await run("POST", `/api/v1/models/${encodeURIComponent(name)}/promotions/${id}/${path}`, body);
  }

  if (!isRequester && !canDecide) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="w-56">
        <label htmlFor={`decision-note-${id}`} className="sr-only">
          {t("noteOn", { summary })}
        </label>
        <TextInput
          id={`decision-note-${id}`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t("notePlaceholder")}
        />
      </span>
      {isRequester ? (
        <Button onClick={() => decide("withdraw")} disabled={isPending} aria-label={t("withdrawLabel", { summary })}>
          {t("withdraw")}
        </Button>
      ) : (
        <>
          <Button
            variant="primary"
            onClick={() => decide("approve")}
            disabled={isPending}
            aria-label={t("approveLabel", { summary })}
          >
            {t("approve")}
          </Button>
          <Button
            variant="danger"
            onClick={() => decide("reject")}
            disabled={isPending}
            aria-label={t("rejectLabel", { summary })}
          >
            {t("reject")}
          </Button>
        </>
      )}
      <ActionError message={problem ?? error} className="basis-full" />
    </div>
  );
}
