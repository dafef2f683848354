"use client";

import { useTranslations } from "next-intl";
import type { ApiFailure } from "@/components/ui/api-request";
import type { Translate } from "@/lib/i18n/translate";

// A form's words in the reader's language: what checkInput says about a
// refused value, and the API's refusal. The API speaks English (its messages
// are for scripts and logs too); a failure whose code the catalogue knows
// (the browser's own "network", "bad_response", a generic "internal") is said
// in the reader's language, any other keeps the API's specific words.

/** The translator checkInput takes as `wording`, in the reader's language. */
export function useFormWording(): Translate {
  return useTranslations("forms.wording");
}

/** A function from an API failure to the message to show: by its code when the catalogue has it, else the API's. */
export function useApiErrorMessage(): (failure: Pick<ApiFailure, "code" | "message">) => string {
  const t = useTranslations("forms.apiErrors");
  return (failure) => (t.has(failure.code) ? t(failure.code) : failure.message);
}
