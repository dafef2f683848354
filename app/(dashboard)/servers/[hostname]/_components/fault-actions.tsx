"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/** The workflow steps open from the node's state, each with the note it needs. */
export function FaultActions({ hostname, actions }: { hostname: string; actions: string[] }) {
  const t = useTranslations("servers.faultActions");
  const [note, setNote] = useState("");
  const { isPending, error, run } = useApiAction();
  const act = async (action: string) => {
    if (await run("POST", `/api/v1/servers/${encodeURIComponent(hostname)}/fault`, { action, note })) setNote("");
  };
  return (
    <form
      aria-label={t("label")}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <Field id="fault-note" label={t("note")} hint={t("noteHint")}>
        <TextInput id="fault-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button
            key={a}
            type="button"
            variant={a === "quarantine" || a === "rma" ? "danger" : "primary"}
            disabled={isPending || note.trim() === ""}
            onClick={() => void act(a)}
          >
            {t.has(`actions.${a}`) ? t(`actions.${a}`) : a}
          </Button>
        ))}
      </div>
      <ActionError message={error} />
    </form>
  );
}
