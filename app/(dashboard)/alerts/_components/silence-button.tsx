"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";

/**
 * Silences one alert: matchers on every label that names it (Alertmanager's
 * UI does the same), for a chosen time, with a reason. Everything else about
 * the alert goes on (it is still evaluated, listed and resolved).
 */
export function SilenceButton({ labels, summary }: { labels: Record<string, string>; summary: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const [hours, setHours] = useState("2");
  const [comment, setComment] = useState("");
  const { isPending, error, run } = useApiAction();
  const t = useTranslations("alerts.silence");
  const id = `silence-${Object.values(labels)
    .join("-")
    .replace(/[^a-zA-Z0-9-]/g, "")}`.slice(0, 60);
  if (!isOpen)
    return (
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        {t("open")}
      </Button>
    );
  const submit = async () => {
    const matchers = Object.entries(labels)
      .filter(([name]) => name !== "severity")
      .map(([name, value]) => ({ name, value }));
    const endsAt = new Date(Date.now() + Number(hours) * 3_600_000).toISOString();
    if (await run("POST", "/api/v1/silences", { matchers, endsAt, comment })) setIsOpen(false);
  };
  return (
    <form
      aria-label={t("form", { summary })}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field id={`${id}-for`} label={t("for")}>
        <Select id={`${id}-for`} value={hours} onChange={(e) => setHours(e.target.value)}>
          {[1, 2, 8].map((h) => (
            <option key={h} value={String(h)}>
              {t("hours", { count: h })}
            </option>
          ))}
          <option value="24">{t("day")}</option>
        </Select>
      </Field>
      <Field id={`${id}-why`} label={t("why")}>
        <TextInput
          id={`${id}-why`}
          required
          value={comment}
          placeholder={t("whyPlaceholder")}
          onChange={(e) => setComment(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={isPending || comment.trim() === ""}>
        {isPending ? t("silencing") : t("open")}
      </Button>
      <Button variant="ghost" type="button" onClick={() => setIsOpen(false)}>
        {t("cancel")}
      </Button>
      <ActionError message={error} className="w-full" />
    </form>
  );
}
