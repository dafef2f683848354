"use client";

import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { z } from "zod";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi, type ApiFailure } from "@/components/ui/api-request";
import { Button, Field, Select, TextArea, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { MAX_DATASET_BYTES, UploadDatasetQuery } from "@/lib/datasets/schemas";
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

function toFailure(failure: ApiFailure): Outcome {
  const problems = Problems.safeParse(failure.details);
  return { kind: "failed", message: failure.message, problems: problems.success ? problems.data : [] };
}

const fileInputClass =
  "block w-full text-[13px] text-slate-300 file:mr-3 file:rounded-md file:border file:border-slate-700 file:bg-slate-800 file:px-3 file:py-1.5 file:text-[13px] file:font-medium file:text-slate-100 hover:file:bg-slate-700";

/** The name and cleaning options as the API will read them, checked with its own schema; the file's size against its limit. */
function checkUpload(query: string, file: FormDataEntryValue | null): FieldErrors | null {
  const input = checkInput(UploadDatasetQuery, Object.fromEntries(new URLSearchParams(query)));
  const errors: FieldErrors = input.ok ? {} : input.errors;
  if (file instanceof File && file.size > MAX_DATASET_BYTES)
    errors.file = `larger than the ${MAX_DATASET_BYTES / 1024 / 1024} MiB an upload may be`;
  return Object.keys(errors).length > 0 ? errors : null;
}

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
 * message beside its field; the CSV itself only the API reads, and its
 * message and bad lines are shown as sent.
 */
export function DatasetUpload() {
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
    const refused = checkUpload(query, file);
    setFieldErrors(refused ?? {});
    setOutcome(null);
    if (refused) return;
    if (!body)
      return setOutcome({ kind: "failed", message: "Choose a CSV file or paste CSV text first.", problems: [] });
    setIsPending(true);
    const result = await requestApi("POST", `/api/v1/datasets?${query}`, {
      raw: { contentType: "text/csv", data: body },
      schema: UploadAnswer,
    });
    setIsPending(false);
    if (!result.ok) return setOutcome(toFailure(result));
    const { name: stored, version, rows, isExisting } = result.data;
    setOutcome({
      kind: "stored",
      message: isExisting
        ? `Already stored as ${stored} v${version}; opening it.`
        : `Stored ${rows} rows as ${stored} v${version}; opening the report.`,
    });
    router.push(`/datasets/${encodeURIComponent(stored)}?version=${version}`);
  }

  return (
    <form onSubmit={onSubmit} aria-label="Upload dataset" className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="dataset-file" label="CSV file" error={fieldErrors.file}>
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
        <Field
          id="dataset-name"
          label="Name"
          hint="Uploading to an existing name adds a version."
          error={fieldErrors.name}
        >
          <TextInput
            id="dataset-name"
            {...invalidProps("dataset-name", fieldErrors.name)}
            name="name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="pima"
            className="font-mono"
          />
        </Field>
        <Field
          id="dataset-text"
          label="Or paste CSV"
          hint="Used only when no file is chosen."
          className="md:col-span-2"
        >
          <TextArea
            id="dataset-text"
            name="text"
            rows={4}
            spellCheck={false}
            placeholder={"glucose,bmi,outcome\n148,33.6,1"}
          />
        </Field>
        <Field
          id="dataset-target"
          label="Target column"
          hint="Name or 0-based index; blank for the last column."
          error={fieldErrors.target}
        >
          <TextInput
            id="dataset-target"
            {...invalidProps("dataset-target", fieldErrors.target)}
            name="target"
            placeholder="outcome"
            className="font-mono"
          />
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-[13px] text-slate-300">
          <input type="checkbox" name="header" defaultChecked className="size-4 accent-emerald-500" />
          The first line names the columns
        </label>
      </div>
      <CleaningOptions errors={fieldErrors} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? "Uploading…" : "Upload and clean"}
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
  const isRefused = FOLDED_FIELDS.some((f) => errors[f]);
  return (
    <details className="rounded-md border border-slate-800 px-3 py-2" open={isRefused || undefined}>
      <summary className="cursor-pointer text-[13px] text-slate-300">Cleaning options</summary>
      <div className="mt-3 grid gap-3 md:grid-cols-3">
        <Field
          id="dataset-columns"
          label="Column names"
          hint="Without a header: a,b,c (default c0..cN)."
          error={errors.columns}
        >
          <TextInput
            id="dataset-columns"
            {...invalidProps("dataset-columns", errors.columns)}
            name="columns"
            className="font-mono"
          />
        </Field>
        <Field id="dataset-ignore" label="Ignore columns" hint="E.g. an id column: id or 0." error={errors.ignore}>
          <TextInput
            id="dataset-ignore"
            {...invalidProps("dataset-ignore", errors.ignore)}
            name="ignore"
            className="font-mono"
          />
        </Field>
        <Field id="dataset-zero-missing" label="Zero means missing" hint="Pima: 1,2,3,4,5." error={errors.zeroMissing}>
          <TextInput
            id="dataset-zero-missing"
            {...invalidProps("dataset-zero-missing", errors.zeroMissing)}
            name="zeroMissing"
            className="font-mono"
          />
        </Field>
        <Field
          id="dataset-categorical"
          label="Categorical columns"
          hint="Numeric-looking codes to one-hot encode."
          error={errors.categorical}
        >
          <TextInput
            id="dataset-categorical"
            {...invalidProps("dataset-categorical", errors.categorical)}
            name="categorical"
            className="font-mono"
          />
        </Field>
        <Field
          id="dataset-impute"
          label="Imputation"
          hint="median (default), mean or mode; per column: insulin:mean."
          error={errors.impute}
        >
          <TextInput
            id="dataset-impute"
            {...invalidProps("dataset-impute", errors.impute)}
            name="impute"
            className="font-mono"
            placeholder="median"
          />
        </Field>
        <Field id="dataset-missing" label="Missing values" error={errors.missing}>
          <Select
            id="dataset-missing"
            {...invalidProps("dataset-missing", errors.missing)}
            name="missing"
            defaultValue="impute"
          >
            <option value="impute">Impute</option>
            <option value="drop">Drop the row</option>
          </Select>
        </Field>
        <Field id="dataset-normalisation" label="Normalisation" error={errors.normalisation}>
          <Select
            id="dataset-normalisation"
            {...invalidProps("dataset-normalisation", errors.normalisation)}
            name="normalisation"
            defaultValue="zscore"
          >
            <option value="zscore">z-score</option>
            <option value="minmax">min-max</option>
            <option value="none">none</option>
          </Select>
        </Field>
        <Field id="dataset-delimiter" label="Delimiter" error={errors.delimiter}>
          <Select
            id="dataset-delimiter"
            {...invalidProps("dataset-delimiter", errors.delimiter)}
            name="delimiter"
            defaultValue="auto"
          >
            <option value="auto">Detect</option>
            <option value=",">Comma</option>
            <option value=";">Semicolon</option>
            <option value="|">Pipe</option>
            <option value="tab">Tab</option>
            <option value="whitespace">Spaces or tabs</option>
          </Select>
        </Field>
        <Field id="dataset-duplicates" label="Duplicate rows" error={errors.duplicates}>
          <Select
            id="dataset-duplicates"
            {...invalidProps("dataset-duplicates", errors.duplicates)}
            name="duplicates"
            defaultValue="remove"
          >
            <option value="remove">Remove</option>
            <option value="keep">Keep</option>
          </Select>
        </Field>
      </div>
    </details>
  );
}

function Refused({ message, problems }: { message: string; problems: Problems }) {
  return (
    <Notice tone="error" title={problems.length > 0 ? message : "The dataset was not stored"}>
      {problems.length === 0 ? (
        message
      ) : (
        <ul className="mt-1 max-h-56 space-y-0.5 overflow-y-auto font-mono text-[12px]" data-testid="upload-errors">
          {problems.map((p, i) => (
            <li key={i}>
              {p.line !== undefined ? `line ${p.line}: ` : p.path ? `${p.path}: ` : ""}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
