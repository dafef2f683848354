"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { z } from "zod";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi, type ApiFailure } from "@/components/ui/api-request";
import { Button, Field, Select, TextArea, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { verbatim } from "@/components/ui/verbatim";
import { MAX_DATASET_BYTES, UploadDatasetQuery } from "@/lib/datasets/schemas";
import type { Translate } from "@/lib/i18n/translate";
import { nameFromFile, uploadQuery } from "./upload-query";

// Only what this form uses of the answer; the version page shows the rest.
const UploadAnswer = z.looseObject({
  name: z.string(),
  version: z.number(),
  rows: z.number(),
  isExisting: z.boolean(),
});
const Problems = z.array(
  z.looseObject({ line: z.number().optional(), path: z.string().optional(), message: z.string() }),
);
type Problems = z.infer<typeof Problems>;

type Outcome = { kind: "stored"; message: string } | { kind: "failed"; message: string; problems: Problems };

/** `message` is the failure said for the reader (useApiErrorMessage); the problems stay as the API wrote them. */
function toFailure(failure: ApiFailure, message: string): Outcome {
  const problems = Problems.safeParse(failure.details);
  return { kind: "failed", message, problems: problems.success ? problems.data : [] };
}

const fileInputClass =
  "block w-full text-[13px] text-slate-300 file:mr-3 file:rounded-md file:border file:border-slate-700 file:bg-slate-800 file:px-3 file:py-1.5 file:text-[13px] file:font-medium file:text-slate-100 hover:file:bg-slate-700";

/** The name and cleaning options as the API will read them, checked with its own schema; the file's size against its limit. */
function checkUpload(
  query: string,
  file: FormDataEntryValue | null,
  t: Translate,
  wording: Translate,
): FieldErrors | null {
  const input = checkInput(UploadDatasetQuery, Object.fromEntries(new URLSearchParams(query)), { wording });
  const errors: FieldErrors = input.ok ? {} : input.errors;
  if (file instanceof File && file.size > MAX_DATASET_BYTES)
    errors.file = t("tooLarge", { mib: MAX_DATASET_BYTES / 1024 / 1024 });
  return Object.keys(errors).length > 0 ? errors : null;
}

// The option hints quote the API's own values (median, insulin:mean…) verbatim:
// they read the same in every language.

/** Fields folded away under "Cleaning options": an error in one of them opens the fold. */
const FOLDED_FIELDS = [
  "columns",
  "ignore",
  "zeroMissing",
  "categorical",
  "impute",
  "missing",
  "normalisation",
  "delimiter",
  "duplicates",
];

/**
 * Uploads a CSV (a chosen file, or pasted text) with the cleaning options as
 * the API's query string, then opens the new version's page with its report.
 * The name and options are checked first with the API's own schema, each
 * message beside its field; the CSV itself only the API reads: its bad
 * lines are shown as sent, its message as useApiErrorMessage says it.
 */
export function DatasetUpload() {
  const t = useTranslations("datasets.upload");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [name, setName] = useState("");
  const [isPending, setIsPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file && !name) setName(nameFromFile(file.name));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const text = String(data.get("text") ?? "");
    const body = file instanceof File && file.size > 0 ? file : text.trim() ? text : null;
    const query = uploadQuery(data);
    const refused = checkUpload(query, file, t, wording);
    setFieldErrors(refused ?? {});
    setOutcome(null);
    if (refused) return;
    if (!body) return setOutcome({ kind: "failed", message: t("nothingChosen"), problems: [] });
    setIsPending(true);
    const result = await requestApi("POST", `/api/v1/datasets?${query}`, {
      raw: { contentType: "text/csv", data: body },
      schema: UploadAnswer,
    });
    setIsPending(false);
    if (!result.ok) return setOutcome(toFailure(result, errorMessage(result)));
    const { name: stored, version, rows, isExisting } = result.data;
    setOutcome({
      kind: "stored",
      message: isExisting
        ? t("alreadyStored", { name: stored, version })
        : t("stored", { rows, name: stored, version }),
    });
    router.push(`/datasets/${encodeURIComponent(stored)}?version=${version}`);
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("label")} className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="dataset-file" label={t("file")} error={fieldErrors.file}>
          <input
            id="dataset-file"
            {...invalidProps("dataset-file", fieldErrors.file)}
            name="file"
            type="file"
            accept=".csv,.txt,.data,text/csv"
            onChange={onFile}
            className={fileInputClass}
          />
        </Field>
        <Field id="dataset-name" label={t("name")} hint={t("nameHint")} error={fieldErrors.name}>
          <TextInput
            id="dataset-name"
            {...invalidProps("dataset-name", fieldErrors.name)}
            name="name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("namePlaceholder")}
            className="font-mono"
          />
        </Field>
        <Field id="dataset-text" label={t("paste")} hint={t("pasteHint")} className="md:col-span-2">
          <TextArea id="dataset-text" name="text" rows={4} spellCheck={false} placeholder={t("pastePlaceholder")} />
        </Field>
        <Field id="dataset-target" label={t("target")} hint={t("targetHint")} error={fieldErrors.target}>
          <TextInput
            id="dataset-target"
            {...invalidProps("dataset-target", fieldErrors.target)}
            name="target"
            placeholder={t("targetPlaceholder")}
            className="font-mono"
          />
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-[13px] text-slate-300">
          <input type="checkbox" name="header" defaultChecked className="size-4 accent-emerald-500" />
          {t("header")}
        </label>
      </div>
      <CleaningOptions errors={fieldErrors} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? t("uploading") : t("submit")}
        </Button>
        {outcome?.kind === "stored" && (
          <span role="status" className="text-xs text-emerald-300">
            {outcome.message}
          </span>
        )}
      </div>
      {outcome?.kind === "failed" && <Refused message={outcome.message} problems={outcome.problems} />}
    </form>
  );
}

/** The less common options, folded away: defaults suit most files. Opened when one of them is refused, so its message shows. */
function CleaningOptions({ errors }: { errors: FieldErrors }) {
  const t = useTranslations("datasets.upload.options");
  const tn = useTranslations("datasets");
  const isRefused = FOLDED_FIELDS.some((f) => errors[f]);
  return (
    <details className="rounded-md border border-slate-800 px-3 py-2" open={isRefused || undefined}>
      <summary className="cursor-pointer text-[13px] text-slate-300">{t("summary")}</summary>
      <div className="mt-3 grid gap-3 md:grid-cols-3">
        <Field
          id="dataset-columns"
          label={t("columns")}
          hint={t.rich("columnsHint", { example: "a,b,c", defaults: "c0..cN", code: verbatim })}
          error={errors.columns}
        >
          <TextInput
            id="dataset-columns"
            {...invalidProps("dataset-columns", errors.columns)}
            name="columns"
            className="font-mono"
          />
        </Field>
        <Field
          id="dataset-ignore"
          label={t("ignore")}
          hint={t.rich("ignoreHint", { code: verbatim })}
          error={errors.ignore}
        >
          <TextInput
            id="dataset-ignore"
            {...invalidProps("dataset-ignore", errors.ignore)}
            name="ignore"
            className="font-mono"
          />
        </Field>
        <Field
          id="dataset-zero-missing"
          label={t("zeroMissing")}
          hint={t.rich("zeroMissingHint", { dataset: "Pima", columns: "1,2,3,4,5", code: verbatim })}
          error={errors.zeroMissing}
        >
          <TextInput
            id="dataset-zero-missing"
            {...invalidProps("dataset-zero-missing", errors.zeroMissing)}
            name="zeroMissing"
            className="font-mono"
          />
        </Field>
        <Field id="dataset-categorical" label={t("categorical")} hint={t("categoricalHint")} error={errors.categorical}>
          <TextInput
            id="dataset-categorical"
            {...invalidProps("dataset-categorical", errors.categorical)}
            name="categorical"
            className="font-mono"
          />
        </Field>
        <Field
          id="dataset-impute"
          label={t("impute")}
          hint={t.rich("imputeHint", {
            median: "median",
            mean: "mean",
            mode: "mode",
            example: "insulin:mean",
            code: verbatim,
          })}
          error={errors.impute}
        >
          <TextInput
            id="dataset-impute"
            {...invalidProps("dataset-impute", errors.impute)}
            name="impute"
            className="font-mono"
            placeholder={t("imputePlaceholder")}
          />
        </Field>
        <Field id="dataset-missing" label={t("missing")} error={errors.missing}>
          <Select
            id="dataset-missing"
            {...invalidProps("dataset-missing", errors.missing)}
            name="missing"
            defaultValue="impute"
          >
            <option value="impute">{t("missingImpute")}</option>
            <option value="drop">{t("missingDrop")}</option>
          </Select>
        </Field>
        <Field id="dataset-normalisation" label={t("normalisation")} error={errors.normalisation}>
          <Select
            id="dataset-normalisation"
            {...invalidProps("dataset-normalisation", errors.normalisation)}
            name="normalisation"
            defaultValue="zscore"
          >
            {(["zscore", "minmax", "none"] as const).map((m) => (
              <option key={m} value={m}>
                {tn(`normalisation.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="dataset-delimiter" label={t("delimiter")} error={errors.delimiter}>
          <Select
            id="dataset-delimiter"
            {...invalidProps("dataset-delimiter", errors.delimiter)}
            name="delimiter"
            defaultValue="auto"
          >
            <option value="auto">{t("delimiterAuto")}</option>
            <option value=",">{tn("delimiters.comma")}</option>
            <option value=";">{tn("delimiters.semicolon")}</option>
            <option value="|">{tn("delimiters.pipe")}</option>
            <option value="tab">{tn("delimiters.tab")}</option>
            <option value="whitespace">{tn("delimiters.whitespace")}</option>
          </Select>
        </Field>
        <Field id="dataset-duplicates" label={t("duplicates")} error={errors.duplicates}>
          <Select
            id="dataset-duplicates"
            {...invalidProps("dataset-duplicates", errors.duplicates)}
            name="duplicates"
            defaultValue="remove"
          >
            <option value="remove">{t("duplicatesRemove")}</option>
            <option value="keep">{t("duplicatesKeep")}</option>
          </Select>
        </Field>
      </div>
    </details>
  );
}

/** The API's refusal: the bad lines are its own words, shown as sent; the message is said for the reader. */
function Refused({ message, problems }: { message: string; problems: Problems }) {
  const t = useTranslations("datasets.upload");
  return (
    <Notice tone="error" title={problems.length > 0 ? message : t("notStored")}>
      {problems.length === 0 ? (
        <span data-stored-text>{message}</span>
      ) : (
        <ul className="mt-1 max-h-56 space-y-0.5 overflow-y-auto font-mono text-[12px]" data-testid="upload-errors">
          {problems.map((p, i) => (
            <li key={i}>
              {p.line !== undefined ? t("line", { line: p.line }) : p.path ? t("path", { path: p.path }) : ""}
              <span data-stored-text>{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
