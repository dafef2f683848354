"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

/**
 * Registers a dcgm-exporter URL. The API validates (422 for a URL it cannot
 * scrape, 409 for one already registered) and its message is shown as is, so
 * the rules live in one place.
 */
export function AddTargetForm() {
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const url = String(data.get("url") ?? "").trim();
    const intervalSeconds = Number(data.get("intervalSeconds"));
    setIsPending(true);
    setError(null);
    setAdded(null);
    const result = await requestApi("POST", "/api/v1/telemetry/targets", { body: { url, intervalSeconds } });
    setIsPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setAdded(url);
    form.reset();
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} aria-label="Add a scrape target" className="flex flex-wrap items-end gap-3">
        <Field id="target-url" label="Exporter URL" className="min-w-72 flex-1" hint="dcgm-exporter's /metrics, e.g. http://gpu-node-17:9400/metrics">
          <TextInput id="target-url" name="url" required inputMode="url" autoComplete="off" spellCheck={false} placeholder="http://gpu-node-17:9400/metrics" className="font-mono" />
        </Field>
        <Field id="target-interval" label="Interval (seconds)" className="w-36" hint="5 to 3600">
          <TextInput id="target-interval" name="intervalSeconds" type="number" required defaultValue={30} step={1} className="font-mono" />
        </Field>
        {/* Aligns the button with the inputs, above the hints. */}
        <div className="pb-[22px]">
          <Button type="submit" variant="primary" disabled={isPending}>
            {isPending ? "Adding…" : "Add target"}
          </Button>
        </div>
      </form>
      {error && (
        <Notice tone="error" title="The target was not added">
          {error}
        </Notice>
      )}
      {added && (
        <Notice tone="success">
          Added <span className="font-mono">{added}</span>. The worker scrapes it right away, then on its interval.
        </Notice>
      )}
    </div>
  );
}
