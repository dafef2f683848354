import type { ApiFailure } from "@/components/ui/api-request";
import type { FieldErrors } from "./schema-check";

// The API says which field it refused in two ways: a 422 lists zod issues as
// `details: [{path, message}]` (lib/http/errors.ts), and a refusal a service
// makes about one field (a guard rail, a 409) carries `details.field`, and a
// unique-constraint 409 names its column in `details.fields`. A form shows
// each beside that field. A 422 issue is in the API's words (English: the API
// speaks to scripts and logs too); a refusal about one field is said by the
// form (useApiErrorMessage, form-wording.ts).

type Issue = { path: string; message: string };

const isIssue = (value: unknown): value is Issue =>
  typeof (value as Issue | null)?.path === "string" && typeof (value as Issue).message === "string";

/**
 * The API failure's messages by form field (the first key of each issue's
 * path; "" for the body as a whole), restricted to `fields` the form has.
 * Empty when the failure names no field of this form: show its message then.
 * A refusal about one field is said by `messageOf` (the form's
 * useApiErrorMessage: in the reader's language as far as its code allows).
 */
export function apiFieldErrors(
  failure: ApiFailure,
  fields: readonly string[],
  messageOf: (failure: ApiFailure) => string = (f) => f.message,
): FieldErrors {
  const errors: FieldErrors = {};
  if (Array.isArray(failure.details)) {
    for (const issue of failure.details.filter(isIssue)) {
      const field = issue.path.split(".")[0] ?? "";
      if (fields.includes(field)) errors[field] ??= issue.message;
    }
  } else {
    const details = failure.details as { field?: unknown; fields?: unknown } | null;
    const field = details?.field ?? details?.fields;
    if (typeof field === "string" && fields.includes(field)) errors[field] = messageOf(failure);
  }
  return errors;
}
