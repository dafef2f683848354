"use client";

import { SaveFooter } from "@/components/forms/save-footer";
import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { FieldError, TextInput } from "@/components/ui/form-controls";
import { FaultSettings, UpdateFaultSettings } from "@/lib/faults/schemas";

const fields = ["autoQuarantine", "breakerMaxNodes", "breakerWindowMinutes"] as const;

const numbers = [
  {
    key: "breakerMaxNodes",
    label: "Circuit breaker: nodes",
    help: "At most this many nodes are quarantined automatically within the window; beyond that a person decides.",
    unit: "nodes",
  },
  {
    key: "breakerWindowMinutes",
    label: "Circuit breaker: window",
    help: "The window the breaker counts automatic quarantines in.",
    unit: "min",
  },
] as const;

/** Automatic quarantine and its circuit breaker (PATCH /api/v1/faults/settings, admin). */
export function FaultSettingsForm({ settings }: { settings: FaultSettings }) {
  const { isPending, error, fieldErrors, isSaved, submit } = useApiForm(fields);

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
    <form onSubmit={onSubmit} aria-label="Fault settings" className="space-y-3">
      <div className="divide-y divide-slate-800/70 text-[13px]">
        <div className="flex items-center justify-between gap-4 py-2">
          <label htmlFor="fault-autoQuarantine" className="min-w-0">
            <span className="text-slate-200">Automatic quarantine</span>
            <span className="block text-[11px] text-slate-500">
              Take a node out of service by itself when one of its GPUs reports an XID that needs a reset, reboot or
              support.
            </span>
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
                <span className="text-slate-200">{s.label}</span>
                <span className="block text-[11px] text-slate-500">{s.help}</span>
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
              <span className="w-10 text-xs text-slate-500">{s.unit}</span>
            </div>
          </div>
        ))}
      </div>
      <SaveFooter label="Save fault settings" isPending={isPending} isSaved={isSaved} error={error} />
    </form>
  );
}
