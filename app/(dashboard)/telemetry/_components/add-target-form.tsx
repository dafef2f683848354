"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { CreateTargetInput } from "@/lib/telemetry/schemas";

/**
 * Registers a dcgm-exporter URL. The body is checked first with the API's own
 * schema (an http(s) URL, 5 to 3600 s), whose message shows beside the field;
 * what only the server knows (409 for a URL already registered) comes back in
 * the API's words.
 */
export function AddTargetForm() {
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const url = String(data.get("url") ?? "").trim();
    const intervalSeconds = Number(data.get("intervalSeconds"));
    const input = checkInput(CreateTargetInput, { url, intervalSeconds });
    setError(null);
    setAdded(null);
    setFieldErrors(input.ok ? {} : input.errors);
    if (!input.ok) return;
    setIsPending(true);
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
      <form onSubmit={onSubmit} aria-label="Add a scrape target" className="flex flex-wrap items-start gap-3">
        <Field
          id="target-url"
          label="Exporter URL"
          className="min-w-72 flex-1"
          hint="dcgm-exporter's /metrics, e.g. http://gpu-node-17:9400/metrics"
          error={fieldErrors.url}
        >
          <TextInput
            id="target-url"
            name="url"
            required
            {...invalidProps("target-url", fieldErrors.url)}
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="http://gpu-node-17:9400/metrics"
            className="font-mono"
          />
        </Field>
        <Field
          id="target-interval"
          label="Interval (seconds)"
          className="w-36"
          hint="5 to 3600"
          error={fieldErrors.intervalSeconds}
        >
          <TextInput
            id="target-interval"
            name="intervalSeconds"
            {...invalidProps("target-interval", fieldErrors.intervalSeconds)}
            type="number"
            required
            defaultValue={30}
            step={1}
            className="font-mono"
          />
        </Field>
        {/* An empty label line aligns the button with the inputs, whatever hints or errors run below them. */}
        <div className="flex flex-col gap-1">
          <span aria-hidden className="invisible text-[11px] font-medium uppercase tracking-wider">
            &nbsp;
          </span>
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
