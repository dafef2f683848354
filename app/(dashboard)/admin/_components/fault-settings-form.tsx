"use client";

import { useTranslations } from "next-intl";
import { SaveFooter } from "@/components/forms/save-footer";
import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { FieldError, TextInput } from "@/components/ui/form-controls";
import { FaultSettings, UpdateFaultSettings } from "@/lib/faults/schemas";

const fields = ["autoQuarantine", "breakerMaxNodes", "breakerWindowMinutes"] as const;

// Each number's label, help and unit are the messages admin.faults.<key>, <key>Help and <unit>.
const numbers = [
  { key: "breakerMaxNodes", unit: "nodes" },
  { key: "breakerWindowMinutes", unit: "minutes" },
] as const;

/** Automatic quarantine and its circuit breaker (PATCH /api/v1/faults/settings, admin). */
export function FaultSettingsForm({ settings }: { settings: FaultSettings }) {
  const { isPending, error, fieldErrors, isSaved, submit } = useApiForm(fields);
  const t = useTranslations("admin.faults");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = {
      autoQuarantine: data.get("autoQuarantine") === "on",
      breakerMaxNodes: Number(data.get("breakerMaxNodes")),
      breakerWindowMinutes: Number(data.get("breakerWindowMinutes")),
    };
    await submit("PATCH", "/api/v1/faults/settings", UpdateFaultSettings, value, FaultSettings);
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("form")} className="space-y-3">
      <div className="divide-y divide-slate-800/70 text-[13px]">
        <div className="flex items-center justify-between gap-4 py-2">
          <label htmlFor="fault-autoQuarantine" className="min-w-0">
            <span className="text-slate-200">{t("autoQuarantine")}</span>
            <span className="block text-[11px] text-slate-500">{t("autoQuarantineHelp")}</span>
          </label>
          <input
            id="fault-autoQuarantine"
            name="autoQuarantine"
            type="checkbox"
            defaultChecked={settings.autoQuarantine}
            className="size-4 rounded border-slate-600 bg-slate-900 accent-emerald-500"
          />
        </div>
        {numbers.map((s) => (
          <div key={s.key} className="flex items-center justify-between gap-4 py-2">
            <div className="min-w-0">
              <label htmlFor={`fault-${s.key}`}>
                <span className="text-slate-200">{t(s.key)}</span>
                <span className="block text-[11px] text-slate-500">{t(`${s.key}Help`)}</span>
              </label>
              <FieldError id={`fault-${s.key}`} message={fieldErrors[s.key]} />
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <div className="w-24">
                <TextInput
                  id={`fault-${s.key}`}
                  name={s.key}
                  type="number"
                  step={1}
                  required
                  defaultValue={settings[s.key]}
                  className="text-right font-mono"
                  {...invalidProps(`fault-${s.key}`, fieldErrors[s.key])}
                />
              </div>
              <span className="w-10 text-xs text-slate-500">{t(s.unit)}</span>
            </div>
          </div>
        ))}
      </div>
      <SaveFooter label={t("save")} isPending={isPending} isSaved={isSaved} error={error} />
    </form>
  );
}
