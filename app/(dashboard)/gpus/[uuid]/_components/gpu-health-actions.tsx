"use client";

import { useId, useState, type FormEvent } from "react";
import { checkInput, invalidProps } from "@/components/forms/schema-check";
import { Button, FieldError, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";
import { GpuHealthNoteInput } from "@/lib/inventory/schemas";

type Action = "acknowledge" | "clear";

const actionWords: Record<Action, { button: string; confirm: string; placeholder: string }> = {
  acknowledge: {
    button: "Acknowledge",
    confirm: "Acknowledge",
    placeholder: "e.g. RMA #4411 opened, drained until swap",
  },
  clear: { button: "Return to service", confirm: "Mark healthy", placeholder: "e.g. reseated, burn-in passed" },
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
  const [open, setOpen] = useState<Action | null>(null);
  const { isPending, error, run } = useApiAction();
  const [noteError, setNoteError] = useState<string | undefined>();
  const noteId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!open) return;
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    const input = checkInput(GpuHealthNoteInput, { note });
    setNoteError(input.ok ? undefined : input.errors.note);
    if (!input.ok) return;
    if (await run("POST", `/api/v1/gpus/${encodeURIComponent(uuid)}/${open}`, { note })) setOpen(null);
  }

  if (!open) {
    return (
      <div className="mt-3 flex gap-2">
        <Button onClick={() => setOpen("acknowledge")}>{actionWords.acknowledge.button}</Button>
        <Button variant="primary" onClick={() => setOpen("clear")}>
          {actionWords.clear.button}
        </Button>
      </div>
    );
  }
  const words = actionWords[open];
  return (
    <form
      onSubmit={submit}
      className="mt-3 space-y-2"
      aria-label={open === "clear" ? "Return the GPU to service" : "Acknowledge the GPU's health"}
    >
      <label htmlFor={noteId} className="block text-[11px] font-medium uppercase tracking-wider text-slate-400">
        Note (kept in the audit log)
      </label>
      <TextInput
        id={noteId}
        name="note"
        required
        minLength={3}
        maxLength={500}
        placeholder={words.placeholder}
        autoFocus
        {...invalidProps(noteId, noteError)}
      />
      <FieldError id={noteId} message={noteError} />
      {open === "clear" && isTelemetryStillFailing && (
        <p className="text-[11px] text-amber-200">
          Telemetry still reports the fault shown; the values it reports now are accepted, and a new XID, more remapped
          rows or heat that persists will mark the GPU again.
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? "Saving…" : words.confirm}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setOpen(null);
            setNoteError(undefined);
          }}
          disabled={isPending}
        >
          Cancel
        </Button>
      </div>
      <ActionError message={error} />
    </form>
  );
}
