"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PredictOut, type PredictOut as Prediction } from "@/lib/deployments/outputs";
import { FeedbackInput, PredictInput } from "@/lib/deployments/schemas";
import { formatFixed } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { Signature } from "@/lib/models/schemas";
import { versionTag } from "../../_components/deployment-format";

const FeedbackOut = z.object({ requestId: z.string(), accepted: z.number().int(), matched: z.boolean() });

/** One instance from the form: numbers as numbers, categories as strings, an empty field as null (missing). */
function instanceOf(signature: Signature, data: FormData): Record<string, number | string | null> {
  return Object.fromEntries(
    signature.features.map((f) => {
      const raw = String(data.get(`feature:${f.name}`) ?? "").trim();
      if (raw === "") return [f.name, null];
      return [f.name, f.type === "numeric" ? Number(raw) : raw];
    }),
  );
}

function PredictForm({
  name,
  signature,
  onAnswer,
}: {
  name: string;
  signature: Signature;
  onAnswer: (p: Prediction) => void;
}) {
  const t = useTranslations("deployments.tryIt");
  const tRole = useTranslations("deployments.role");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const locale = asLocale(useLocale());
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Prediction | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { instances: [instanceOf(signature, new FormData(event.currentTarget))] };
    const checked = checkInput(PredictInput, body, { wording });
    if (!checked.ok) return setError(checked.messages.map((m) => m.message).join("; "));
    setError(null);
    setIsPending(true);
    const result = await requestApi("POST", `/api/v1/deployments/${encodeURIComponent(name)}/predict`, {
      body,
      schema: PredictOut,
    });
    setIsPending(false);
    if (!result.ok) return setError(errorMessage(result));
    setAnswer(result.data);
    onAnswer(result.data);
  }

  const prediction = answer?.predictions[0];
  return (
    <form onSubmit={onSubmit} aria-label={t("label")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {signature.features.map((f) => {
          const id = `try-${f.name}`;
          return (
            <Field
              key={f.name}
              id={id}
              label={f.name}
              hint={f.type === "numeric" ? t("numericHint") : t("categoryHint")}
            >
              {f.type === "numeric" ? (
                <TextInput id={id} name={`feature:${f.name}`} type="number" step="any" required={false} />
              ) : (
                <Select id={id} name={`feature:${f.name}`}>
                  {f.categories.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                  <option value="">{t("missing")}</option>
                </Select>
              )}
            </Field>
          );
        })}
      </div>
      <Button type="submit" variant="primary" disabled={isPending}>
        {isPending ? t("predicting") : t("predict")}
      </Button>
      {error && (
        <Notice tone="error" title={t("failed")}>
          <span data-testid="try-error">{error}</span>
        </Notice>
      )}
      {answer && prediction && (
        <div className="space-y-2 rounded-md border border-slate-800 p-3 text-[13px]" data-testid="try-answer">
          <p>
            {t.rich("answer", {
              label: () => (
                <span className="font-mono text-lg font-semibold text-slate-50" data-testid="try-label">
                  {prediction.label}
                </span>
              ),
              version: () => (
                <span data-testid="try-version">
                  {answer.modelVersion.name} {versionTag(answer.modelVersion.version)}
                </span>
              ),
              role: tRole(answer.role),
            })}
          </p>
          <ul className="flex flex-wrap gap-x-4 font-mono text-[12px] text-slate-300" aria-label={t("probabilities")}>
            {Object.entries(prediction.probabilities).map(([label, p]) => (
              <li key={label}>
                {label}: {formatFixed(p * 100, 1, locale)} %
              </li>
            ))}
          </ul>
          <p className="text-[12px] text-slate-400">
            {t("requestId")}{" "}
            <span className="font-mono text-slate-200" data-testid="try-request-id">
              {answer.requestId}
            </span>
          </p>
        </div>
      )}
    </form>
  );
}

function FeedbackForm({ name, labels, requestId }: { name: string; labels: string[]; requestId: string }) {
  const t = useTranslations("deployments.tryIt");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = { requestId: String(data.get("requestId") ?? "").trim(), label: String(data.get("label") ?? "") };
    const checked = checkInput(FeedbackInput, body, { wording });
    setOutcome(null);
    if (!checked.ok)
      return setError(checked.messages.map((m) => `${String(m.path[0] ?? "")} ${m.message}`.trim()).join("; "));
    setError(null);
    setIsPending(true);
    const result = await requestApi("POST", `/api/v1/deployments/${encodeURIComponent(name)}/feedback`, {
      body,
      schema: FeedbackOut,
    });
    setIsPending(false);
    if (!result.ok) return setError(errorMessage(result));
    setOutcome(
      result.data.matched ? t("matched", { id: result.data.requestId.slice(0, 8), label: body.label }) : t("unmatched"),
    );
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("feedbackLabel")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field id="feedback-request" label={t("requestId")} hint={t("requestIdHint")}>
          {/* Keyed on the last answer so a new prediction fills its id in, while a typed one is kept until then. */}
          <TextInput
            key={requestId}
            id="feedback-request"
            name="requestId"
            defaultValue={requestId}
            className="font-mono"
            autoComplete="off"
          />
        </Field>
        <Field id="feedback-label" label={t("trueLabel")}>
          <Select id="feedback-label" name="label">
            {labels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("sending") : t("send")}
      </Button>
      {error && (
        <Notice tone="error" title={t("feedbackFailed")}>
          <span data-testid="feedback-error">{error}</span>
        </Notice>
      )}
      {outcome && <Notice tone="success">{outcome}</Notice>}
    </form>
  );
}

/**
 * A prediction from the served version's input signature (one field per
 * feature), sent through the web app's predict path as a person would send
 * it, and the true label of an answer sent back as feedback.
 */
export function TryIt({ name, signature }: { name: string; signature: Signature }) {
  const [requestId, setRequestId] = useState("");
  return (
    <div className="grid items-start gap-6 xl:grid-cols-2">
      <PredictForm name={name} signature={signature} onAnswer={(p) => setRequestId(p.requestId)} />
      <FeedbackForm name={name} labels={signature.labels} requestId={requestId} />
    </div>
  );
}
