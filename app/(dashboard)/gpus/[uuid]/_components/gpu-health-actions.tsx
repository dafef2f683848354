"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps } from "@/components/forms/schema-check";
import { Button, FieldError, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";
import { GpuHealthNoteInput } from "@/lib/inventory/schemas";

type Action = "acknowledge" | "clear";

// Each action's words, as catalogue keys under gpus.actions.
const actionWords: Record<Action, { button: string; confirm: string; placeholder: string; form: string }> = {
  acknowledge: {
    button: "acknowledge",
    confirm: "acknowledge",
    placeholder: "acknowledgePlaceholder",
    form: "acknowledgeForm",
  },
  clear: { button: "returnToService", confirm: "markHealthy", placeholder: "clearPlaceholder", form: "clearForm" },
};

/**
 * An operator acknowledges a degraded or failed GPU, or returns it to service,
 * with a note the audit log keeps (its schema, checked here and by the API,
 * refuses an empty one). Opens as a
 * small form under the health, so the note is written where the cause is read.
 */
export function GpuHealthActions({
  uuid,
  isTelemetryStillFailing,
}: {
  uuid: string;
  isTelemetryStillFailing: boolean;
}) {
  const t = useTranslations("gpus.actions");
  const wording = useFormWording();
  const [open, setOpen] = useState<Action | null>(null);
  const { isPending, error, run } = useApiAction();
  const [noteError, setNoteError] = useState<string | undefined>();
  const noteId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!open) return;
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    const input = checkInput(GpuHealthNoteInput, { note }, { wording });
    setNoteError(input.ok ? undefined : input.errors.note);
    if (!input.ok) return;
    if (await run("POST", `/api/v1/gpus/${encodeURIComponent(uuid)}/${open}`, { note })) setOpen(null);
  }

  if (!open) {
    return (
      <div className="mt-3 flex gap-2">
        <Button onClick={() => setOpen("acknowledge")}>{t(actionWords.acknowledge.button)}</Button>
        <Button variant="primary" onClick={() => setOpen("clear")}>
          {t(actionWords.clear.button)}
        </Button>
      </div>
    );
  }
  const words = actionWords[open];
  return (
    <form onSubmit={submit} className="mt-3 space-y-2" aria-label={t(words.form)}>
      <label htmlFor={noteId} className="block text-[11px] font-medium uppercase tracking-wider text-slate-400">
        {t("note")}
      </label>
      <TextInput
        id={noteId}
        name="note"
        required
        minLength={3}
        maxLength={500}
        placeholder={t(words.placeholder)}
        autoFocus
        {...invalidProps(noteId, noteError)}
      />
      <FieldError id={noteId} message={noteError} />
      {open === "clear" && isTelemetryStillFailing && <p className="text-[11px] text-amber-200">{t("stillFailing")}</p>}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? t("saving") : t(words.confirm)}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setOpen(null);
            setNoteError(undefined);
          }}
          disabled={isPending}
        >
          {t("cancel")}
        </Button>
      </div>
      <ActionError message={error} />
    </form>
  );
}
