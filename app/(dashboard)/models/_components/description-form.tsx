"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, TextArea, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { UpdateModelInput, UpdateVersionInput } from "@/lib/models/schemas";

/** "a, b ,c" → ["a", "b", "c"]; empty entries dropped. */
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The field an issue belongs to: `tags.3` is the tags field. */
const fieldOf = (path: PropertyKey[]) => String(path[0] ?? "");

/**
 * A model's or a version's description and tags (operators): PATCH with the
 * API's own schema checked first. `path` is the resource; `schema` is
 * UpdateModelInput or UpdateVersionInput.
 */
export function DescriptionForm({
  path,
  kind,
  description,
  tags,
}: {
  path: string;
  kind: "model" | "version";
  description: string | null;
  tags: string[];
}) {
  const t = useTranslations("models.edit");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const id = `${kind}-details`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = String(data.get("description") ?? "").trim();
    const body = { description: text === "" ? null : text, tags: parseTags(String(data.get("tags") ?? "")) };
    const input = checkInput(kind === "model" ? UpdateModelInput : UpdateVersionInput, body, {
      fieldOf,
      wording,
    });
    setErrors(input.ok ? {} : input.errors);
    setError(null);
    setIsSaved(false);
    if (!input.ok) return;
    setIsPending(true);
    const result = await requestApi("PATCH", path, { body });
    setIsPending(false);
    if (!result.ok) return setError(errorMessage(result));
    setIsSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("formLabel", { kind })} className="space-y-3">
      <Field id={`${id}-description`} label={t("description")} error={errors.description}>
        <TextArea
          id={`${id}-description`}
          {...invalidProps(`${id}-description`, errors.description)}
          name="description"
          rows={3}
          defaultValue={description ?? ""}
          className="font-sans text-[13px]"
        />
      </Field>
      <Field id={`${id}-tags`} label={t("tags")} hint={t("tagsHint")} error={errors.tags}>
        <TextInput
          id={`${id}-tags`}
          {...invalidProps(`${id}-tags`, errors.tags)}
          name="tags"
          defaultValue={tags.join(", ")}
        />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? t("saving") : t("save")}
        </Button>
        {isSaved && <span className="text-xs text-emerald-300">{t("saved")}</span>}
      </div>
      {error && (
        <Notice tone="error" title={t("notSaved")}>
          {error}
        </Notice>
      )}
    </form>
  );
}
