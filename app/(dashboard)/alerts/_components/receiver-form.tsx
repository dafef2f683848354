"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useApiErrorMessage } from "@/components/forms/form-wording";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { requestApi } from "@/components/ui/api-request";
import { ActionError } from "@/components/ui/use-api-action";
import { useRouter } from "next/navigation";
import { z } from "zod";
import { asLocale, localeNames, locales, type Locale } from "@/lib/i18n/locales";

const Created = z.object({ name: z.string(), secret: z.string() });

/** Adds a webhook receiver; shows its signing secret once, as the API answers it once. */
export function ReceiverForm() {
  const router = useRouter();
  const t = useTranslations("alerts.receivers");
  const errorMessage = useApiErrorMessage();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [isFallback, setIsFallback] = useState(false);
  // Notifications are written in one language per receiver; the admin's own is the likely one.
  const [locale, setLocale] = useState<Locale>(asLocale(useLocale()));
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<z.infer<typeof Created> | null>(null);
  const [isPending, setIsPending] = useState(false);
  const submit = async () => {
    setIsPending(true);
    setError(null);
    const res = await requestApi("POST", "/api/v1/receivers", {
      body: { name, url, isFallback, locale },
      schema: Created,
    });
    setIsPending(false);
    if (!res.ok) return setError(errorMessage(res));
    setCreated(res.data);
    setName("");
    setUrl("");
    router.refresh();
  };
  return (
    <div className="space-y-3">
      <form
        aria-label={t("form")}
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field id="receiver-name" label={t("name")} className="w-40">
          <TextInput id="receiver-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field id="receiver-url" label={t("webhookUrl")} className="min-w-72 flex-1">
          <TextInput
            id="receiver-url"
            required
            type="url"
            placeholder={t("urlPlaceholder")}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </Field>
        <Field id="receiver-locale" label={t("locale")} className="w-32">
          <Select id="receiver-locale" value={locale} onChange={(e) => setLocale(asLocale(e.target.value))}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {localeNames[l]}
              </option>
            ))}
          </Select>
        </Field>
        <label className="flex items-center gap-2 pb-1.5 text-xs text-slate-300">
          <input type="checkbox" checked={isFallback} onChange={(e) => setIsFallback(e.target.checked)} />
          {t("isFallback")}
        </label>
        <Button type="submit" disabled={isPending}>
          {isPending ? t("adding") : t("add")}
        </Button>
        <ActionError message={error} className="w-full" />
      </form>
      {created && (
        <p role="status" className="rounded border border-amber-500/40 bg-amber-500/10 p-2 text-xs text-amber-100">
          {t.rich("created", {
            name: created.name,
            secret: () => (
              <code className="select-all font-mono" data-testid="receiver-secret">
                {created.secret}
              </code>
            ),
          })}
        </p>
      )}
    </div>
  );
}
