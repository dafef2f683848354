"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

export type TemplateChoice = { id: string; name: string; description: string; epochs: number; optimizer: string };

const Created = z.object({ id: z.string(), status: z.enum(["queued", "scheduled"]) });

const text = (data: FormData, key: string) => String(data.get(key) ?? "").trim();
const number = (data: FormData, key: string) => (text(data, key) === "" ? undefined : Number(text(data, key)));

/**
 * The POST /api/v1/jobs body from the form: empty fields are left out, so the
 * template (or the engine's defaults) decides them. The API validates; its
 * message is shown as is.
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
    model: hidden ? { hidden: hidden.split(/[\s,]+/).filter(Boolean).map(Number) } : undefined,
    gpus: number(data, "gpus"),
    gpuModel: text(data, "gpuModel") || undefined,
    priority: text(data, "priority") || undefined,
    team: text(data, "team") || undefined,
    schedule: cron ? { cron, timezone: text(data, "timezone") || "UTC" } : undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export function NewJobForm({ templates, datasets }: { templates: TemplateChoice[]; datasets: string[] }) {
  const router = useRouter();
  const [template, setTemplate] = useState(templates[templates.length - 1]?.id ?? "");
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = templates.find((t) => t.id === template);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsPending(true);
    setError(null);
    const result = await requestApi("POST", "/api/v1/jobs", { body: bodyOf(new FormData(event.currentTarget)), schema: Created });
    if (!result.ok) {
      setIsPending(false);
      setError(result.message);
      return;
    }
    router.push(result.data.status === "scheduled" ? "/jobs/schedules" : `/jobs/${result.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} aria-label="New training job" className="space-y-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field id="job-template" label="Template" hint={chosen?.description ?? "Your own dataset and settings."} className="col-span-2">
          <Select id="job-template" name="template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
            <option value="">No template</option>
          </Select>
        </Field>
        <Field id="job-dataset" label="Dataset" hint={chosen ? "Empty: the built-in xor dataset." : "name, name@version or version id"}>
          <TextInput id="job-dataset" name="dataset" list="job-datasets" placeholder={chosen ? "xor" : "pima"} required={!chosen} />
          <datalist id="job-datasets">
            {datasets.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </Field>
        <Field id="job-model-name" label="Model name">
          <TextInput id="job-model-name" name="modelName" placeholder="optional" />
        </Field>
        <Field id="job-epochs" label="Epochs">
          <TextInput id="job-epochs" name="epochs" inputMode="numeric" placeholder={chosen ? String(chosen.epochs) : "50"} />
        </Field>
        <Field id="job-hidden" label="Hidden units" hint="e.g. 16,8">
          <TextInput id="job-hidden" name="hidden" placeholder={chosen ? "3" : "16"} />
        </Field>
        <Field id="job-optimizer" label="Optimizer">
          <Select id="job-optimizer" name="optimizer" defaultValue="">
            <option value="">{chosen ? `template (${chosen.optimizer})` : "default (adam)"}</option>
            <option value="sgd">sgd</option>
            <option value="momentum">momentum</option>
            <option value="adam">adam</option>
          </Select>
        </Field>
        <Field id="job-lr" label="Learning rate">
          <TextInput id="job-lr" name="learningRate" inputMode="decimal" placeholder={chosen ? "0.1" : "0.01"} />
        </Field>
        <Field id="job-gpus" label="GPUs">
          <TextInput id="job-gpus" name="gpus" inputMode="numeric" defaultValue="1" />
        </Field>
        <Field id="job-gpu-model" label="GPU model">
          <TextInput id="job-gpu-model" name="gpuModel" placeholder="any (e.g. H100)" />
        </Field>
        <Field id="job-priority" label="Priority">
          <Select id="job-priority" name="priority" defaultValue="normal">
            <option value="high">high</option>
            <option value="normal">normal</option>
            <option value="low">low</option>
          </Select>
        </Field>
        <Field id="job-team" label="Team" hint="Quota holder; empty: you.">
          <TextInput id="job-team" name="team" placeholder="optional" />
        </Field>
        <Field id="job-cron" label="Repeat (cron)" hint="Five fields; empty: run once now.">
          <TextInput id="job-cron" name="cron" placeholder="0 3 * * *" />
        </Field>
        <Field id="job-timezone" label="Time zone">
          <TextInput id="job-timezone" name="timezone" placeholder="UTC" />
        </Field>
      </div>
      <Button type="submit" variant="primary" disabled={isPending}>
        {isPending ? "Submitting…" : "Submit job"}
      </Button>
      {error && (
        <Notice tone="error" title="The job was not submitted">
          {error}
        </Notice>
      )}
    </form>
  );
}
