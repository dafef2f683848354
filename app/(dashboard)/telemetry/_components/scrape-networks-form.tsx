"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { invalidProps } from "@/components/forms/schema-check";
import { SaveFooter } from "@/components/forms/save-footer";
import { useApiForm } from "@/components/forms/use-api-form";
import { FieldError, TextArea } from "@/components/ui/form-controls";
import { Cidr, ScrapeNetworks, UpdateScrapeNetworks } from "@/lib/telemetry/scrape/network-schemas";

const FIELD = "scrape-networks";

/**
 * The scrape allow-list as an admin edits it: one network per line, the line
 * at fault named, checked with the API's schema before the PUT.
 */
export function ScrapeNetworksForm({ allowed }: { allowed: string[] }) {
  const t = useTranslations("telemetry.networksForm");
  const { isPending, error, fieldErrors, isSaved, submit, setIsSaved } = useApiForm(["allowed"]);
  const [lineError, setLineError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const lines = String(new FormData(event.currentTarget).get("allowed") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    const bad = lines.find((line) => !Cidr.safeParse(line).success);
    setLineError(bad === undefined ? undefined : `${bad}: ${Cidr.safeParse(bad).error!.issues[0]!.message}`);
    if (bad !== undefined) return;
    await submit("PUT", "/api/v1/telemetry/scrape-networks", UpdateScrapeNetworks, { allowed: lines }, ScrapeNetworks);
  }

  const message = lineError ?? fieldErrors.allowed;
  return (
    <form onSubmit={onSubmit} aria-label={t("form")} className="space-y-2" onChange={() => setIsSaved(false)}>
      <label htmlFor={FIELD} className="block text-xs text-slate-300">
        {t("label", { format: "CIDR" })}
      </label>
      <TextArea
        id={FIELD}
        name="allowed"
        rows={Math.min(8, Math.max(3, allowed.length + 1))}
        defaultValue={allowed.join("\n")}
        className="font-mono text-xs"
        {...invalidProps(FIELD, message)}
      />
      <FieldError id={FIELD} message={message} />
      <SaveFooter label={t("save")} isPending={isPending} isSaved={isSaved} error={error} errorTitle={t("failed")} />
    </form>
  );
}
