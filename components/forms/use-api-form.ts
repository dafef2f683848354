"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { requestApi } from "@/components/ui/api-request";
import { apiFieldErrors } from "./api-field-errors";
import { useApiErrorMessage, useFormWording } from "./form-wording";
import { checkInput, type FieldErrors } from "./schema-check";

type Method = "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One form sent to one endpoint: the value is checked with the API's own zod
 * schema first, then sent; a refusal by the API lands beside the field it
 * names (or in `error` when it names none), and success refreshes the
 * server-rendered page. `submit` answers the parsed answer, or null.
 * The browser's check speaks the reader's language, and so does the API's
 * refusal as far as its code allows (useApiErrorMessage, form-wording.ts).
 * `toBody` picks what is sent from the checked value, when the schema also
 * covers a path parameter (a team name checked with the route's own schema).
 */
export function useApiForm(fields: readonly string[]) {
  const router = useRouter();
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isSaved, setIsSaved] = useState(false);

  async function submit<S extends z.ZodType, R extends z.ZodType = z.ZodUnknown>(
    method: Method,
    url: string,
    schema: S,
    value: unknown,
    answer?: R,
    toBody: (data: z.output<S>) => unknown = (data) => data,
  ): Promise<{ data: z.infer<R> } | null> {
    const input = checkInput(schema, value, { wording });
    setError(null);
    setIsSaved(false);
    setFieldErrors(input.ok ? {} : input.errors);
    if (!input.ok) return null;
    setIsPending(true);
    const result = await requestApi(method, url, { body: toBody(input.data), schema: answer });
    setIsPending(false);
    if (!result.ok) {
      const byField = apiFieldErrors(result, fields, errorMessage);
      setFieldErrors(byField);
      if (Object.keys(byField).length === 0) setError(errorMessage(result));
      return null;
    }
    setIsSaved(true);
    router.refresh();
    return { data: result.data };
  }

  return { isPending, error, fieldErrors, isSaved, submit, setIsSaved };
}
