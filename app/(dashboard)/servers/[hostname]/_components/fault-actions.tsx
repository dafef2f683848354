"use client";

import { useState } from "react";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

const labels: Record<string, string> = {
  quarantine: "Quarantine",
  drain: "Drain",
  remediate: "Start remediation",
  return: "Return to service",
  rma: "Send for RMA",
};

/** The workflow steps open from the node's state, each with the note it needs. */
export function FaultActions({ hostname, actions }: { hostname: string; actions: string[] }) {
  const [note, setNote] = useState("");
  const { isPending, error, run } = useApiAction();
  const act = async (action: string) => {
    if (await run("POST", `/api/v1/servers/${encodeURIComponent(hostname)}/fault`, { action, note })) setNote("");
  };
  return (
    <form
      aria-label="Fault workflow step"
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <Field id="fault-note" label="Note" hint="What was done, or why: it is kept with the step and in the audit log.">
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
            {labels[a] ?? a}
          </Button>
        ))}
      </div>
      <ActionError message={error} />
    </form>
  );
}
