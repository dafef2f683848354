"use client";

import { useTranslations } from "next-intl";
import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PutQuotaInput, QuotaOut, TeamParam } from "@/lib/jobs/schemas";

// The team goes in the path (checked with the route's TeamParam), the quota in
// the body (PutQuotaInput): one schema for the form, both the API's own.
const SetQuota = TeamParam.extend(PutQuotaInput.shape);
const fields = ["team", "maxGpus"] as const;

/**
 * Sets a team's GPU quota: for a team named in a text field (a new quota) or
 * a fixed one (a row of the table, `team` given). An empty number is sent as
 * null so the schema names it rather than setting a quota of 0.
 */
export function QuotaForm({ team, maxGpus, teams = [] }: { team?: string; maxGpus?: number; teams?: string[] }) {
  const { isPending, error, fieldErrors, isSaved, submit } = useApiForm(fields);
  const id = team ? `quota-${team}` : "quota-new";
  const t = useTranslations("admin");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const raw = String(data.get("maxGpus") ?? "").trim();
    const value = { team: team ?? data.get("team"), maxGpus: raw === "" ? null : Number(raw) };
    const url = `/api/v1/quotas/${encodeURIComponent(String(value.team ?? "").trim())}`;
    const done = await submit("PUT", url, SetQuota, value, QuotaOut, (d) => ({ maxGpus: d.maxGpus }));
    if (done && !team) form.reset();
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label={team ? t("teams.quotaOf", { team }) : t("teams.setTitle")}
      className="space-y-2"
    >
      <div className="flex flex-wrap items-start gap-2">
        {!team && (
          <Field id={`${id}-team`} label={t("teams.team")} error={fieldErrors.team} className="w-44">
            <TextInput
              id={`${id}-team`}
              name="team"
              required
              list="known-teams"
              autoComplete="off"
              {...invalidProps(`${id}-team`, fieldErrors.team)}
            />
            <datalist id="known-teams">
              {teams.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </Field>
        )}
        <Field
          id={`${id}-gpus`}
          label={team ? t("teams.gpuQuotaOf", { team }) : t("teams.gpuQuota")}
          error={fieldErrors.maxGpus}
          className="w-32"
        >
          <TextInput
            id={`${id}-gpus`}
            name="maxGpus"
            type="number"
            min={0}
            step={1}
            required
            defaultValue={maxGpus}
            className="text-right font-mono"
            {...invalidProps(`${id}-gpus`, fieldErrors.maxGpus)}
          />
        </Field>
        <Button type="submit" variant={team ? "secondary" : "primary"} disabled={isPending} className="mt-5">
          {isPending ? t("common.saving") : team ? t("common.save") : t("teams.setQuota")}
        </Button>
      </div>
      {isSaved && (
        <p role="status" className="text-xs text-emerald-300">
          {t("teams.saved")}
        </p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </form>
  );
}
