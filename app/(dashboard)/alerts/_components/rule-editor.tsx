"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";
import type { AlertRuleOut } from "@/lib/alerts/outputs";

/**
 * Edits a rule in place: its parameters (one field each, typed as stored),
 * timing, severity and whether it runs. The API checks the parameters against
 * the rule's kind and answers what is wrong in words.
 */
export function RuleEditor({ rule }: { rule: AlertRuleOut }) {
  const [isOpen, setIsOpen] = useState(false);
  const [params, setParams] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(rule.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)])),
  );
  const [forSeconds, setFor] = useState(String(rule.forSeconds));
  const [keepSeconds, setKeep] = useState(String(rule.keepFiringForSeconds));
  const [severity, setSeverity] = useState<string>(rule.severity);
  const { isPending, error, run } = useApiAction();
  const t = useTranslations("alerts.editor");
  const severityWords = useTranslations("common.severity");
  const id = `rule-${rule.name}`;

  const toggle = () => void run("PATCH", `/api/v1/alert-rules/${rule.name}`, { enabled: !rule.enabled });
  if (!isOpen)
    return (
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => setIsOpen(true)}>
          {t("edit")}
        </Button>
        <Button variant="ghost" disabled={isPending} onClick={toggle}>
          {rule.enabled ? t("disable") : t("enable")}
        </Button>
        <ActionError message={error} />
      </div>
    );

  const typed = (key: string, raw: string): unknown => {
    const before = rule.params[key];
    if (typeof before === "boolean") return raw === "true";
    if (Array.isArray(before))
      return raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number);
    return typeof before === "number" ? Number(raw) : raw;
  };
  const save = async () => {
    const ok = await run("PATCH", `/api/v1/alert-rules/${rule.name}`, {
      params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typed(k, v)])),
      forSeconds: Number(forSeconds),
      keepFiringForSeconds: Number(keepSeconds),
      severity,
    });
    if (ok) setIsOpen(false);
  };
  return (
    <form
      aria-label={t("form", { name: rule.name })}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {Object.keys(params).map((key) => (
        <Field key={key} id={`${id}-${key}`} label={key} className="w-32">
          {typeof rule.params[key] === "boolean" ? (
            <Select
              id={`${id}-${key}`}
              value={params[key]}
              onChange={(e) => setParams({ ...params, [key]: e.target.value })}
            >
              <option value="true">{t("yes")}</option>
              <option value="false">{t("no")}</option>
            </Select>
          ) : (
            <TextInput
              id={`${id}-${key}`}
              value={params[key]}
              onChange={(e) => setParams({ ...params, [key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <Field id={`${id}-for`} label={t("for")} className="w-24">
        <TextInput id={`${id}-for`} inputMode="numeric" value={forSeconds} onChange={(e) => setFor(e.target.value)} />
      </Field>
      <Field id={`${id}-keep`} label={t("keep")} className="w-28">
        <TextInput
          id={`${id}-keep`}
          inputMode="numeric"
          value={keepSeconds}
          onChange={(e) => setKeep(e.target.value)}
        />
      </Field>
      <Field id={`${id}-severity`} label={t("severity")} className="w-28">
        <Select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value)}>
          {(["critical", "warning", "info"] as const).map((s) => (
            <option key={s} value={s}>
              {severityWords(s)}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("saving") : t("save")}
      </Button>
      <Button type="button" variant="ghost" onClick={() => setIsOpen(false)}>
        {t("cancel")}
      </Button>
      <ActionError message={error} className="w-full" />
    </form>
  );
}
