"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { CreateTargetInput } from "@/lib/telemetry/schemas";

/** An address as dcgm-exporter serves it; the same in every language. */
const EXAMPLE_URL = "http://gpu-node-17:9400/metrics";

/**
 * Registers a dcgm-exporter URL. The body is checked first with the API's own
 * schema (an http(s) URL, 5 to 3600 s), whose message shows beside the field;
 * what only the server knows (409 for a URL already registered) comes back in
 * the API's words.
 */
export function AddTargetForm() {
  const t = useTranslations("telemetry.addTarget");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
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
    const input = checkInput(CreateTargetInput, { url, intervalSeconds }, { wording });
    setError(null);
    setAdded(null);
    setFieldErrors(input.ok ? {} : input.errors);
    if (!input.ok) return;
    setIsPending(true);
    const result = await requestApi("POST", "/api/v1/telemetry/targets", { body: { url, intervalSeconds } });
    setIsPending(false);
    if (!result.ok) {
      setError(errorMessage(result));
      return;
    }
    setAdded(url);
    form.reset();
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} aria-label={t("form")} className="flex flex-wrap items-start gap-3">
        <Field
          id="target-url"
          label={t("url")}
          className="min-w-72 flex-1"
          hint={t("urlHint", { example: EXAMPLE_URL })}
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
            placeholder={EXAMPLE_URL}
            className="font-mono"
          />
        </Field>
        <Field
          id="target-interval"
          label={t("interval")}
          className="w-36"
          hint={t("intervalHint")}
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
            {"\u00a0"}
          </span>
          <Button type="submit" variant="primary" disabled={isPending}>
            {isPending ? t("adding") : t("add")}
          </Button>
        </div>
      </form>
      {error && (
        <Notice tone="error" title={t("failed")}>
          {error}
        </Notice>
      )}
      {added && (
        <Notice tone="success">{t.rich("added", { url: () => <span className="font-mono">{added}</span> })}</Notice>
      )}
    </div>
  );
}
