"use client";

import { useTranslations } from "next-intl";
import { invalidProps } from "@/components/forms/schema-check";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { SiteOut, UpdateSiteInput } from "@/lib/inventory/schemas";

// The part of PATCH /api/v1/sites/{name} this form edits, with the API's own rules.
const SitePricing = UpdateSiteInput.pick({ tariffPerKwh: true, currency: true, carbonGPerKwh: true });
const fields = ["tariffPerKwh", "currency", "carbonGPerKwh"] as const;

/** "" → null (clears the value), anything else → a number the schema checks ("abc" is NaN: refused by name). */
const numberOrNull = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? null : Number(text);
};

/**
 * A site's flat tariff and grid carbon intensity: what the Energy page prices
 * kWh with and turns into CO₂e. Left empty, a value is cleared (the figures
 * then say they are unknown rather than zero).
 */
export function SitePricingForm({ site }: { site: SiteOut }) {
  const { isPending, error, fieldErrors, isSaved, submit } = useApiForm(fields);
  const id = `site-${site.name}`;
  const t = useTranslations("admin");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = {
      tariffPerKwh: numberOrNull(data.get("tariffPerKwh")),
      currency: String(data.get("currency") ?? "")
        .trim()
        .toUpperCase(),
      carbonGPerKwh: numberOrNull(data.get("carbonGPerKwh")),
    };
    await submit("PATCH", `/api/v1/sites/${encodeURIComponent(site.name)}`, SitePricing, value, SiteOut);
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("sites.pricingOf", { site: site.name })} className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          id={`${id}-tariff`}
          label={t("sites.tariff")}
          hint={t("sites.tariffHint")}
          error={fieldErrors.tariffPerKwh}
        >
          <TextInput
            id={`${id}-tariff`}
            name="tariffPerKwh"
            inputMode="decimal"
            defaultValue={site.tariffPerKwh ?? ""}
            className="text-right font-mono"
            {...invalidProps(`${id}-tariff`, fieldErrors.tariffPerKwh)}
          />
        </Field>
        <Field
          id={`${id}-currency`}
          label={t("sites.currency")}
          hint={t("sites.currencyHint", { standard: "ISO 4217", example: "EUR" })}
          error={fieldErrors.currency}
        >
          <TextInput
            id={`${id}-currency`}
            name="currency"
            defaultValue={site.currency}
            maxLength={3}
            className="font-mono uppercase"
            {...invalidProps(`${id}-currency`, fieldErrors.currency)}
          />
        </Field>
        <Field
          id={`${id}-carbon`}
          label={t("sites.carbon", { unit: "gCO₂e/kWh" })}
          hint={t("sites.carbonHint")}
          error={fieldErrors.carbonGPerKwh}
        >
          <TextInput
            id={`${id}-carbon`}
            name="carbonGPerKwh"
            inputMode="decimal"
            defaultValue={site.carbonGPerKwh ?? ""}
            className="text-right font-mono"
            {...invalidProps(`${id}-carbon`, fieldErrors.carbonGPerKwh)}
          />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? t("common.saving") : t("sites.save", { site: site.name })}
        </Button>
        {isSaved && (
          <span role="status" className="text-xs text-emerald-300">
            {t("sites.saved")}
          </span>
        )}
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </form>
  );
}
