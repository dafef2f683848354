"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { TrainJobInput } from "@/lib/jobs/schemas";

export type TemplateChoice = { id: string; name: string; description: string; epochs: number; optimizer: string };

const Created = z.object({ id: z.string(), status: z.enum(["queued", "scheduled"]) });

const text = (data: FormData, key: string) => String(data.get(key) ?? "").trim();
const number = (data: FormData, key: string) => (text(data, key) === "" ? undefined : Number(text(data, key)));

/**
 * The POST /api/v1/jobs body from the form: empty fields are left out, so the
 * template (or the engine's defaults) decides them. TrainJobInput checks it
 * here and again in the API; what only the server knows (the dataset exists,
 * quotas) comes back in the API's words.
 */
function bodyOf(data: FormData): Record<string, unknown> {
  const hidden = text(data, "hidden");
  const cron = text(data, "cron");
  const body: Record<string, unknown> = {
    type: "train",
    template: text(data, "template") || undefined,
    dataset: text(data, "dataset") || undefined,
    modelName: text(data, "modelName") || undefined,
    epochs: number(data, "epochs"),
    learningRate: number(data, "learningRate"),
    optimizer: text(data, "optimizer") || undefined,
    model: hidden
      ? {
          hidden: hidden
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(Number),
        }
      : undefined,
    gpus: number(data, "gpus"),
    gpuModel: text(data, "gpuModel") || undefined,
    priority: text(data, "priority") || undefined,
    team: text(data, "team") || undefined,
    schedule: cron ? { cron, timezone: text(data, "timezone") || "UTC" } : undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** Optimizers by their engine names, which read the same in every language. */
const OPTIMIZERS = ["sgd", "momentum", "adam"] as const;
const PRIORITIES = ["high", "normal", "low"] as const;

/** The form field an issue of TrainJobInput belongs to: `model.hidden` is typed as "hidden", `schedule` as "cron". */
function fieldOf(path: PropertyKey[]): string {
  const key = String(path[0] ?? "");
  return key === "model" ? "hidden" : key === "schedule" ? "cron" : key;
}

export function NewJobForm({ templates, datasets }: { templates: TemplateChoice[]; datasets: string[] }) {
  const t = useTranslations("jobs.form");
  const tj = useTranslations("jobs");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [template, setTemplate] = useState(templates[templates.length - 1]?.id ?? "");
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const chosen = templates.find((c) => c.id === template);
  // A template the catalogue knows is named in the reader's language; a new one in the code's words.
  const templateWords = (c: TemplateChoice, part: "name" | "description") =>
    tj.has(`templates.${c.id}.${part}`) ? tj(`templates.${c.id}.${part}`, { problem: "XOR" }) : c[part];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = bodyOf(new FormData(event.currentTarget));
    const input = checkInput(TrainJobInput, body, { fieldOf, wording });
    setError(null);
    setFieldErrors(input.ok ? {} : input.errors);
    if (!input.ok) return;
    setIsPending(true);
    const result = await requestApi("POST", "/api/v1/jobs", { body, schema: Created });
    if (!result.ok) {
      setIsPending(false);
      setError(errorMessage(result));
      return;
    }
    router.push(result.data.status === "scheduled" ? "/jobs/schedules" : `/jobs/${result.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("label")} className="space-y-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field
          id="job-template"
          label={t("template")}
          hint={chosen ? templateWords(chosen, "description") : t("ownSettings")}
          className="col-span-2"
          error={fieldErrors.template}
        >
          <Select
            id="job-template"
            {...invalidProps("job-template", fieldErrors.template)}
            name="template"
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
          >
            {templates.map((c) => (
              <option key={c.id} value={c.id}>
                {templateWords(c, "name")}
              </option>
            ))}
            <option value="">{t("noTemplate")}</option>
          </Select>
        </Field>
        <Field
          id="job-dataset"
          label={t("dataset")}
          hint={chosen ? t("datasetBuiltIn") : t("datasetRef")}
          error={fieldErrors.dataset}
        >
          <TextInput
            id="job-dataset"
            {...invalidProps("job-dataset", fieldErrors.dataset)}
            name="dataset"
            list="job-datasets"
            placeholder={chosen ? t("datasetPlaceholderTemplate") : t("datasetPlaceholder")}
            required={!chosen}
          />
          <datalist id="job-datasets">
            {datasets.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </Field>
        <Field id="job-model-name" label={t("modelName")} error={fieldErrors.modelName}>
          <TextInput
            id="job-model-name"
            {...invalidProps("job-model-name", fieldErrors.modelName)}
            name="modelName"
            placeholder={t("optional")}
          />
        </Field>
        <Field id="job-epochs" label={t("epochs")} error={fieldErrors.epochs}>
          <TextInput
            id="job-epochs"
            {...invalidProps("job-epochs", fieldErrors.epochs)}
            name="epochs"
            inputMode="numeric"
            placeholder={chosen ? String(chosen.epochs) : "50"}
          />
        </Field>
        <Field id="job-hidden" label={t("hidden")} hint={t("hiddenHint")} error={fieldErrors.hidden}>
          <TextInput
            id="job-hidden"
            {...invalidProps("job-hidden", fieldErrors.hidden)}
            name="hidden"
            placeholder={chosen ? "3" : "16"}
          />
        </Field>
        <Field id="job-optimizer" label={t("optimizer")} error={fieldErrors.optimizer}>
          <Select
            id="job-optimizer"
            {...invalidProps("job-optimizer", fieldErrors.optimizer)}
            name="optimizer"
            defaultValue=""
          >
            <option value="">
              {chosen
                ? t("optimizerTemplate", { optimizer: chosen.optimizer })
                : t("optimizerDefault", { optimizer: "adam" })}
            </option>
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="job-lr" label={t("learningRate")} error={fieldErrors.learningRate}>
          <TextInput
            id="job-lr"
            {...invalidProps("job-lr", fieldErrors.learningRate)}
            name="learningRate"
            inputMode="decimal"
            placeholder={chosen ? "0.1" : "0.01"}
          />
        </Field>
        <Field id="job-gpus" label={t("gpus")} error={fieldErrors.gpus}>
          <TextInput
            id="job-gpus"
            {...invalidProps("job-gpus", fieldErrors.gpus)}
            name="gpus"
            inputMode="numeric"
            defaultValue="1"
          />
        </Field>
        <Field id="job-gpu-model" label={t("gpuModel")} error={fieldErrors.gpuModel}>
          <TextInput
            id="job-gpu-model"
            {...invalidProps("job-gpu-model", fieldErrors.gpuModel)}
            name="gpuModel"
            placeholder={t("gpuModelPlaceholder")}
          />
        </Field>
        <Field id="job-priority" label={t("priority")} error={fieldErrors.priority}>
          <Select
            id="job-priority"
            {...invalidProps("job-priority", fieldErrors.priority)}
            name="priority"
            defaultValue="normal"
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {tj(`priority.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="job-team" label={t("team")} hint={t("teamHint")} error={fieldErrors.team}>
          <TextInput
            id="job-team"
            {...invalidProps("job-team", fieldErrors.team)}
            name="team"
            placeholder={t("optional")}
          />
        </Field>
        <Field id="job-cron" label={t("cron", { cron: "cron" })} hint={t("cronHint")} error={fieldErrors.cron}>
          <TextInput
            id="job-cron"
            {...invalidProps("job-cron", fieldErrors.cron)}
            name="cron"
            placeholder="0 3 * * *"
          />
        </Field>
        <Field id="job-timezone" label={t("timezone")}>
          <TextInput id="job-timezone" name="timezone" placeholder="UTC" />
        </Field>
      </div>
      <Button type="submit" variant="primary" disabled={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </Button>
      {error && (
        <Notice tone="error" title={t("failed")}>
          {error}
        </Notice>
      )}
    </form>
  );
}
