"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ApiFailure } from "@/components/ui/api-request";
import { defaultLocale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

// A form's words in the reader's language: what checkInput says about a
// refused value, and the API's refusal. The API speaks English (its messages
// are for scripts and logs too), so an English reader gets its words as sent:
// they are often more specific than any generic sentence (which role is
// needed, how many minutes to wait), and the e2e specs match them. Another
// language says a generic failure (network, forbidden, a full disk…) with the
// catalogue's sentence, and a refusal whose specifics only the API's words
// carry (a conflict naming the record) as those words after the kind of
// refusal, so the reader at least knows what happened.

/** The translator checkInput takes as `wording`, in the reader's language. */
export function useFormWording(): Translate {
  return useTranslations("forms.wording");
}

/** The failure a form has to say: its code and message, and its details when they say when to retry. */
export type SayableFailure = Pick<ApiFailure, "code" | "message"> & Partial<Pick<ApiFailure, "details">>;

/** The codes whose API message names what was refused: said as the API's words after the code's name. */
export const specificCodes = [
  "conflict",
  "not_found",
  "unprocessable_entity",
  "bad_request",
  "integrity_error",
  "bad_gateway",
  "gateway_timeout",
];

/**
 * The codes said by the catalogue's sentence alone: the browser's own
 * (network, bad_response) and the API's that mean the same whatever was sent.
 */
export const genericCodes = [
  "network",
  "bad_response",
  "internal",
  "unauthenticated",
  "forbidden",
  "rate_limited",
  "unavailable",
  "insufficient_storage",
  "payload_too_large",
  "unsupported_media_type",
  "method_not_allowed",
  "invalid_json",
];

/** requestApi's code for an answer without the API's error shape (a proxy's 502): "http_502". */
const HTTP_CODE = /^http_(\d{3})$/;

function retryAfterSeconds(details: unknown): number | null {
  const seconds = (details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? seconds : null;
}

/** How `t` ("forms.apiErrors") says a failure; the API's own words when the catalogue has nothing better. */
export function sayApiFailure(t: Translate, failure: SayableFailure): string {
  const { code, message } = failure;
  if (specificCodes.includes(code)) return t(`refusals.${code}`, { message });
  const http = HTTP_CODE.exec(code);
  if (http) return t("http", { status: http[1]! });
  const seconds = code === "rate_limited" ? retryAfterSeconds(failure.details) : null;
  // Whole minutes rounded up, as the API's own "try again in 15 minutes" (lib/auth/lockout.ts).
  if (seconds !== null) return t("rateLimitedFor", { minutes: Math.ceil(seconds / 60) });
  return genericCodes.includes(code) ? t(code) : message;
}

/**
 * A function from an API failure to the message to show: in English the API's
 * words (the catalogue's sentence only when it sent none), in another language
 * by its code (sayApiFailure).
 */
export function useApiErrorMessage(): (failure: SayableFailure) => string {
  const t = useTranslations("forms.apiErrors");
  const isApiLanguage = useLocale() === defaultLocale;
  return (failure) => (isApiLanguage && failure.message ? failure.message : sayApiFailure(t as Translate, failure));
}
