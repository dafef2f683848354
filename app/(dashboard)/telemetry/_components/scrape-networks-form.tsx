"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { checkInput, invalidProps } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, FieldError, TextArea } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { UpdateScrapeNetworks } from "@/lib/telemetry/scrape/network-schemas";

const FIELD = "scrape-networks";

/**
 * The scrape allow-list as an admin edits it: one network per line, checked
 * with the API's schema (the line at fault named) before the PUT.
 */
export function ScrapeNetworksForm({ allowed }: { allowed: string[] }) {
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [isSaved, setIsSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const lines = String(new FormData(event.currentTarget).get("allowed") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    const body = { allowed: lines };
    const input = checkInput(UpdateScrapeNetworks, body, (path) => String(path[1] ?? ""));
    setError(null);
    setIsSaved(false);
    if (!input.ok) {
      const [index, message] = Object.entries(input.errors)[0]!;
      setFieldError(index === "" ? message : `${lines[Number(index)]}: ${message}`);
      return;
    }
    setFieldError(undefined);
    setIsPending(true);
    const result = await requestApi("PUT", "/api/v1/telemetry/scrape-networks", { body });
    setIsPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setIsSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label="Scrape networks" className="space-y-2" onChange={() => setIsSaved(false)}>
      <label htmlFor={FIELD} className="block text-xs text-slate-300">
        Allowed networks (CIDR, one per line)
      </label>
      <TextArea
        id={FIELD}
        name="allowed"
        rows={Math.min(8, Math.max(3, allowed.length + 1))}
        defaultValue={allowed.join("\n")}
        className="font-mono text-xs"
        {...invalidProps(FIELD, fieldError)}
      />
      <FieldError id={FIELD} message={fieldError} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save networks"}
        </Button>
        {isSaved && (
          <span role="status" className="text-xs text-emerald-300">
            Saved.
          </span>
        )}
      </div>
      {error && (
        <Notice tone="error" title="The networks were not saved">
          {error}
        </Notice>
      )}
    </form>
  );
}
