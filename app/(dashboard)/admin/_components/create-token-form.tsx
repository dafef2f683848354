"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { type Role } from "@/lib/auth/permissions";
import { CreatedTokenOut, CreateTokenInput } from "@/lib/auth/schemas";
import { CreatedTokenReveal } from "./created-token-reveal";
import { RoleSelect } from "./role-select";

type Created = { name: string; role: Role; token: string };

export function CreateTokenForm() {
  const router = useRouter();
  const t = useTranslations("admin.tokens");
  const common = useTranslations("admin.common");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<Created | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    // The same schema the API parses with: a refused value is named beside its field.
    const input = checkInput(CreateTokenInput, { name: data.get("name"), role: data.get("role") }, { wording });
    setError(null);
    setFieldErrors(input.ok ? {} : input.errors);
    if (!input.ok) return;
    setIsPending(true);
    const result = await requestApi("POST", "/api/v1/tokens", { body: input.data, schema: CreatedTokenOut });
    setIsPending(false);
    if (!result.ok) {
      setError(errorMessage(result));
      return;
    }
    setCreated({ name: result.data.name, role: result.data.role, token: result.data.token });
    form.reset();
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3" aria-label={t("createTitle")}>
        <Field id="token-name" label={t("name")} hint={t("nameHint")} error={fieldErrors.name}>
          <TextInput
            id="token-name"
            name="name"
            required
            maxLength={100}
            autoComplete="off"
            placeholder={t("namePlaceholder")}
            {...invalidProps("token-name", fieldErrors.name)}
          />
        </Field>
        <Field id="token-role" label={common("role")} error={fieldErrors.role}>
          <RoleSelect id="token-role" defaultValue="viewer" error={fieldErrors.role} />
        </Field>
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? t("creating") : t("create")}
        </Button>
      </form>
      {error && (
        <Notice tone="error" title={t("notCreated")}>
          {error}
        </Notice>
      )}
      {created && <CreatedTokenReveal {...created} onDismiss={() => setCreated(null)} />}
    </div>
  );
}
