"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { Button, Field, Select, TextArea, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";
import { CanaryInput } from "@/lib/deployments/schemas";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatShare, versionTag } from "../../_components/deployment-format";

type Method = "POST" | "PATCH";
type CanaryChoice = { version: number; weight: number };
type Action = {
  key: string;
  label: string;
  confirm: string;
  method: Method;
  path: string;
  body: (note: string | undefined, canary: CanaryChoice) => unknown;
  variant?: "primary" | "danger";
  /** Asks which version and what share (starting a canary). */
  asksCanary?: boolean;
};

export type ControlsProps = {
  name: string;
  status: "active" | "stopped";
  stableVersion: number;
  canary: { version: number; weight: number } | null;
  /** The canary's next step (gates.steps), or null at the last step. */
  nextWeight: number | null;
  alias: string | null;
  isAliasProtected: boolean;
  /** Whether there is a promotion to undo when there is no canary. */
  hasPromotion: boolean;
  canPromote: boolean;
  /** Versions a canary may be started with (not archived, not the stable one), newest first. */
  canaryVersions: number[];
};

/** `t` is deployments.controls. */
function actionsOf(p: ControlsProps, t: Translate, locale: Locale): Action[] {
  const base = `/api/v1/deployments/${encodeURIComponent(p.name)}`;
  const withNote = (note: string | undefined) => (note ? { note } : {});
  const moves = p.alias ? t(p.isAliasProtected ? "protectedMoves" : "moves", { alias: p.alias }) : "";
  const actions: Action[] = [];
  if (p.canary && p.nextWeight !== null && p.nextWeight < 1)
    actions.push({
      key: "step",
      label: t("step", { share: formatShare(p.nextWeight, locale) }),
      confirm: t("stepConfirm", { share: formatShare(p.nextWeight, locale), version: p.canary.version }),
      method: "PATCH",
      path: base,
      body: (note) => ({ canary: { version: p.canary!.version, weight: p.nextWeight }, ...withNote(note) }),
    });
  if (!p.canary && p.canaryVersions.length > 0)
    actions.push({
      key: "canary",
      label: t("start"),
      confirm: t("startConfirm", { version: p.stableVersion }),
      method: "PATCH",
      path: base,
      body: (note, canary) => ({ canary, ...withNote(note) }),
      asksCanary: true,
    });
  if (p.canary)
    actions.push({
      key: "promote",
      label: t("promote", { version: p.canary.version }),
      confirm: t("promoteConfirm", { version: p.canary.version, moves }),
      method: "POST",
      path: `${base}/promote`,
      body: withNote,
      variant: "primary",
    });
  if (p.canary || p.hasPromotion)
    actions.push({
      key: "rollback",
      label: t("rollback"),
      confirm: p.canary
        ? t("rollbackCanary", { version: p.canary.version })
        : t("rollbackPromotion", { version: p.stableVersion, moves }),
      method: "POST",
      path: `${base}/rollback`,
      body: withNote,
      variant: "danger",
    });
  actions.push(
    p.status === "active"
      ? {
          key: "stop",
          label: t("stop"),
          confirm: t("stopConfirm"),
          method: "PATCH",
          path: base,
          body: (note) => ({ status: "stopped", ...withNote(note) }),
          variant: "danger",
        }
      : {
          key: "start",
          label: t("resume"),
          confirm: t("resumeConfirm"),
          method: "PATCH",
          path: base,
          body: (note) => ({ status: "active", ...withNote(note) }),
          variant: "primary",
        },
  );
  return actions;
}

/**
 * Step up, promote, roll back, stop and start, each after a confirmation with
 * an optional note (kept in the events and the audit log). The API decides:
 * a protected alias needs an admin, and its refusal is shown (useApiAction).
 */
export function DeploymentControls(props: ControlsProps) {
  const t = useTranslations("deployments.controls");
  const wording = useFormWording();
  const locale = asLocale(useLocale());
  const [chosen, setChosen] = useState<Action | null>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const [canaryErrors, setCanaryErrors] = useState<FieldErrors>({});
  const [canary, setCanary] = useState({ version: String(props.canaryVersions[0] ?? ""), weight: "0.1" });
  const { isPending, error, run } = useApiAction();
  const actions = actionsOf(props, t, locale);

  async function confirm(action: Action) {
    const trimmed = note.trim() || undefined;
    // An admin is told before the round trip; anyone else gets the API's own refusal (the role comes first).
    const needsNote =
      props.isAliasProtected &&
      props.canPromote &&
      (action.key === "promote" || (action.key === "rollback" && !props.canary));
    if (needsNote && !trimmed) return setNoteError(t("noteRequired", { alias: props.alias ?? "" }));
    setNoteError(undefined);
    // An empty share is NaN, not 0: the schema names the field instead of sending a 0 % canary.
    const choice = {
      version: Number(canary.version),
      weight: canary.weight.trim() === "" ? Number.NaN : Number(canary.weight),
    };
    const checked = checkInput(CanaryInput, choice, { wording });
    setCanaryErrors(action.asksCanary && !checked.ok ? checked.errors : {});
    if (action.asksCanary && !checked.ok) return;
    if (await run(action.method, action.path, action.body(trimmed, choice))) {
      setChosen(null);
      setNote("");
    }
  }

  return (
    <div className="space-y-3" data-testid="deployment-controls">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button
            key={a.key}
            variant={chosen?.key === a.key ? "secondary" : (a.variant ?? "secondary")}
            onClick={() => setChosen(a)}
            disabled={isPending}
          >
            {a.label}
          </Button>
        ))}
      </div>
      {chosen && (
        <div
          role="group"
          aria-label={t("confirmGroup", { action: chosen.label })}
          className="space-y-2 rounded-md border border-slate-800 p-3"
        >
          <p className="text-[13px] text-slate-200">{chosen.confirm}</p>
          {chosen.asksCanary && (
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id="control-canary-version" label={t("canaryVersion")}>
                <Select
                  id="control-canary-version"
                  value={canary.version}
                  onChange={(e) => setCanary({ ...canary, version: e.target.value })}
                >
                  {props.canaryVersions.map((v) => (
                    <option key={v} value={v}>
                      {versionTag(v)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                id="control-canary-weight"
                label={t("canaryShare")}
                hint={t("canaryShareHint")}
                error={canaryErrors.weight}
              >
                <TextInput
                  id="control-canary-weight"
                  type="number"
                  min={0}
                  max={1}
                  step="any"
                  value={canary.weight}
                  {...invalidProps("control-canary-weight", canaryErrors.weight)}
                  onChange={(e) => setCanary({ ...canary, weight: e.target.value })}
                />
              </Field>
            </div>
          )}
          <Field
            id="control-note"
            label={props.isAliasProtected && chosen.key === "promote" ? t("noteProtected") : t("note")}
            hint={t("noteHint")}
            error={noteError}
          >
            <TextArea id="control-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <div className="flex gap-1.5">
            <Button variant={chosen.variant ?? "primary"} onClick={() => confirm(chosen)} disabled={isPending}>
              {isPending ? t("working") : t("confirm", { action: chosen.label.toLocaleLowerCase(locale) })}
            </Button>
            <Button variant="ghost" onClick={() => setChosen(null)} disabled={isPending}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      <ActionError message={error} />
    </div>
  );
}
