"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SaveFooter } from "@/components/forms/save-footer";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { FieldError, TextInput } from "@/components/ui/form-controls";
import { verbatim } from "@/components/ui/verbatim";
import { UpdateTelemetrySettings, type TelemetrySettings } from "@/lib/telemetry/schemas";
import { numericSettings, prometheusUrlHelpValues, switchSettings } from "./settings-fields";

/**
 * The settings as a form (operators): one PUT with every field, checked first
 * with the API's schema (each limit's message shows on its row); the API
 * answers with what it stored. The Prometheus URL is sent only by an admin
 * (`canSetPrometheus`): the API refuses anyone else's change to it.
 */
export function SettingsForm({
  settings,
  canSetPrometheus,
}: {
  settings: TelemetrySettings;
  canSetPrometheus: boolean;
}) {
  const t = useTranslations("telemetry.settings");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body: Record<string, number | boolean | string | null> = {};
    for (const s of numericSettings) body[s.key] = Number(data.get(s.key));
    for (const s of switchSettings) body[s.key] = data.get(s.key) === "on";
    // An empty field unsets it (null), as the API takes it.
    if (canSetPrometheus) body.prometheusUrl = String(data.get("prometheusUrl") ?? "").trim() || null;
    const input = checkInput(UpdateTelemetrySettings, body, { wording });
    setError(null);
    setIsSaved(false);
    setFieldErrors(input.ok ? {} : input.errors);
    if (!input.ok) return;
    setIsPending(true);
    const result = await requestApi("PUT", "/api/v1/telemetry/settings", { body });
    setIsPending(false);
    if (!result.ok) {
      setError(errorMessage(result));
      return;
    }
    setIsSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("form")} className="space-y-3" onChange={() => setIsSaved(false)}>
      <div className="divide-y divide-slate-800/70 text-[13px]">
        {numericSettings.map((s) => (
          <div key={s.key} className="flex items-center justify-between gap-4 py-2">
            <div className="min-w-0">
              <label htmlFor={`setting-${s.key}`}>
                <span className="text-slate-200">{t(`fields.${s.key}.label`)}</span>
                <span className="block text-[11px] text-slate-500">{t(`fields.${s.key}.help`)}</span>
              </label>
              <FieldError id={`setting-${s.key}`} message={fieldErrors[s.key]} />
            </div>
            <div className="flex shrink-0 items-center gap-2">
              {/* Sized by a wrapper: TextInput is w-full, and two width classes would fight over the order of Tailwind's CSS. */}
              <div className="w-24">
                <TextInput
                  id={`setting-${s.key}`}
                  name={s.key}
                  type="number"
                  step="any"
                  required
                  defaultValue={settings[s.key]}
                  className="text-right font-mono"
                  {...invalidProps(`setting-${s.key}`, fieldErrors[s.key])}
                />
              </div>
              <span className="w-8 text-xs text-slate-500">{t(`units.${s.unit}`)}</span>
            </div>
          </div>
        ))}
        {switchSettings.map((s) => (
          <div key={s.key} className="flex items-center justify-between gap-4 py-2">
            <label htmlFor={`setting-${s.key}`} className="min-w-0">
              <span className="text-slate-200">{t(`fields.${s.key}.label`)}</span>
              <span className="block text-[11px] text-slate-500">{t(`fields.${s.key}.help`)}</span>
            </label>
            <div className="flex w-34 shrink-0 justify-start pl-1">
              <input
                id={`setting-${s.key}`}
                name={s.key}
                type="checkbox"
                defaultChecked={settings[s.key]}
                className="size-4 rounded border-slate-600 bg-slate-900 accent-emerald-500"
              />
            </div>
          </div>
        ))}
        <div className="py-2">
          <label htmlFor="setting-prometheusUrl" className="block">
            <span className="text-slate-200">{t("fields.prometheusUrl.label")}</span>
            <span className="block text-[11px] text-slate-500">
              {t.rich("fields.prometheusUrl.help", { ...prometheusUrlHelpValues, code: verbatim })}
              {canSetPrometheus ? null : <> {t("adminOnly")}</>}
            </span>
          </label>
          <div className="mt-1.5">
            <TextInput
              id="setting-prometheusUrl"
              name="prometheusUrl"
              type="url"
              translate="no"
              disabled={!canSetPrometheus}
              defaultValue={settings.prometheusUrl ?? ""}
              className="font-mono"
              {...invalidProps("setting-prometheusUrl", fieldErrors.prometheusUrl)}
            />
          </div>
          <FieldError id="setting-prometheusUrl" message={fieldErrors.prometheusUrl} />
        </div>
      </div>
      <SaveFooter label={t("save")} isPending={isPending} isSaved={isSaved} error={error} />
    </form>
  );
}
