"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import type { DeployChoice } from "@/lib/deployments/deploy-choices";
import { DeploymentOut } from "@/lib/deployments/outputs";
import { CreateDeploymentInput } from "@/lib/deployments/schemas";
import { deployBodyOf, deployFieldOf, type DeployFields } from "./deploy-input";
import { versionTag } from "./deployment-format";
import { deploymentHref } from "./deployment-links";

const fieldsOf = (data: FormData): DeployFields => {
  const get = (key: keyof DeployFields) => String(data.get(key) ?? "");
  return {
    name: get("name"),
    model: get("model"),
    target: get("target"),
    canaryVersion: get("canaryVersion"),
    canaryWeight: get("canaryWeight"),
    servers: get("servers"),
  };
};

/**
 * Deploys a model version, or an alias to follow, optionally with a canary
 * and placement servers (POST /api/v1/deployments), then opens the new
 * deployment. Checked with the API's own schema first; the API's refusals
 * (a name taken, an unknown server) are shown in its words.
 */
export function DeployForm({ choices }: { choices: DeployChoice[] }) {
  const t = useTranslations("deployments.form");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [model, setModel] = useState(choices[0]?.model ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const choice = choices.find((c) => c.model === model);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = deployBodyOf(fieldsOf(new FormData(event.currentTarget)));
    const checked = checkInput(CreateDeploymentInput, body, { fieldOf: deployFieldOf, wording });
    setErrors(checked.ok ? {} : checked.errors);
    setError(null);
    if (!checked.ok) return;
    setIsPending(true);
    const result = await requestApi("POST", "/api/v1/deployments", { body, schema: DeploymentOut });
    if (!result.ok) {
      setIsPending(false);
      return setError(errorMessage(result));
    }
    router.push(deploymentHref(result.data.name));
  }

  if (choices.length === 0) return <p className="text-sm text-slate-400">{t("noModels")}</p>;
  return (
    <form onSubmit={onSubmit} aria-label={t("label")} className="space-y-3">
      <div className="grid gap-3 md:grid-cols-3">
        <Field id="deploy-name" label={t("name")} hint={t("nameHint")} error={errors.name}>
          <TextInput id="deploy-name" name="name" autoComplete="off" {...invalidProps("deploy-name", errors.name)} />
        </Field>
        <Field id="deploy-model" label={t("model")} error={errors.model}>
          <Select id="deploy-model" name="model" value={model} onChange={(e) => setModel(e.target.value)}>
            {choices.map((c) => (
              <option key={c.model} value={c.model}>
                {c.model}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="deploy-target"
          label={t("target")}
          hint={t("targetHint")}
          error={errors.target ?? errors.version ?? errors.alias}
        >
          <Select id="deploy-target" name="target" key={model} {...invalidProps("deploy-target", errors.target)}>
            {choice?.aliases.map((a) => (
              <option key={a.alias} value={`alias:${a.alias}`}>
                {t("follow", { alias: a.alias, version: a.version })}
              </option>
            ))}
            {choice?.versions.map((v) => (
              <option key={v} value={`version:${v}`}>
                {t("pin", { version: v })}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="deploy-canary-version"
          label={t("canaryVersion")}
          hint={t("optional")}
          error={errors["canary.version"]}
        >
          <Select id="deploy-canary-version" name="canaryVersion" key={model}>
            <option value="">{t("noCanary")}</option>
            {choice?.versions.map((v) => (
              <option key={v} value={v}>
                {versionTag(v)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="deploy-canary-weight"
          label={t("canaryShare")}
          hint={t("canaryShareHint")}
          error={errors["canary.weight"]}
        >
          <TextInput
            id="deploy-canary-weight"
            name="canaryWeight"
            type="number"
            min={0}
            max={1}
            step="any"
            defaultValue="0.1"
            {...invalidProps("deploy-canary-weight", errors["canary.weight"])}
          />
        </Field>
        <Field id="deploy-servers" label={t("servers")} hint={t("serversHint")} error={errors.servers}>
          <TextInput
            id="deploy-servers"
            name="servers"
            autoComplete="off"
            {...invalidProps("deploy-servers", errors.servers)}
          />
        </Field>
      </div>
      <Button type="submit" variant="primary" disabled={isPending}>
        {isPending ? t("deploying") : t("deploy")}
      </Button>
      {errors[""] && <p className="text-xs text-rose-300">{errors[""]}</p>}
      {error && (
        <Notice tone="error" title={t("failed")}>
          <span data-testid="deploy-error">{error}</span>
        </Notice>
      )}
    </form>
  );
}
