"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput, invalidProps, type FieldErrors } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, Field, Select, TextArea, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { AliasOut, PromotionOut } from "@/lib/models/outputs";
import { AliasName, MoveAliasInput } from "@/lib/models/schemas";

export type AliasChoice = { alias: string; isProtected: boolean; requiresApproval: boolean; version: number | null };
export type VersionChoice = { version: number; label: string };

// 200: the alias moved; 202: a promotion request waits for a second admin.
const Answer = z.union([PromotionOut, AliasOut]);
type Outcome = { tone: "success" | "info"; text: string };

/** A role's name in the reader's language, for the refusal; an unknown one as it is. */
const ROLES = new Set(["admin", "operator", "viewer"]);

/** The policy of the alias typed: a known one's, else unprotected (as the API treats an alias without a policy). */
function policyOf(choices: AliasChoice[], alias: string): AliasChoice {
  return (
    choices.find((c) => c.alias === alias) ?? { alias, isProtected: false, requiresApproval: false, version: null }
  );
}

/**
 * Points an alias at a version (PUT …/aliases/{alias}). The same rules as the
 * API, said before sending: a protected alias needs the admin role and a note;
 * one that requires approval files a request another admin approves.
 */
export function MoveAliasForm({
  name,
  aliases,
  versions,
  canPromote,
  role,
}: {
  name: string;
  aliases: AliasChoice[];
  versions: VersionChoice[];
  canPromote: boolean;
  role: string;
}) {
  const t = useTranslations("models.move");
  const tr = useTranslations("shell.roles");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [alias, setAlias] = useState(aliases.find((a) => !a.isProtected || canPromote)?.alias ?? "staging");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isPending, setIsPending] = useState(false);
  const policy = policyOf(aliases, alias.trim());
  const isRefused = policy.isProtected && !canPromote;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const note = String(data.get("note") ?? "").trim();
    const body = { version: Number(data.get("version")), ...(note ? { note } : {}) };
    const checkedAlias = checkInput(AliasName, alias, { wording });
    const input = checkInput(MoveAliasInput, body, { wording });
    const found: FieldErrors = { ...(input.ok ? {} : input.errors) };
    if (!checkedAlias.ok) found.alias = checkedAlias.errors[""];
    // The API's rule and words (lib/models/aliases.ts checkMayMove), said before the round trip.
    if (policy.isProtected && !note) found.note = t("noteMissing");
    setErrors(found);
    setError(null);
    setOutcome(null);
    if (Object.keys(found).length > 0 || !checkedAlias.ok) return;
    setIsPending(true);
    const result = await requestApi("PUT", `/api/v1/models/${encodeURIComponent(name)}/aliases/${checkedAlias.data}`, {
      body,
      schema: Answer,
    });
    setIsPending(false);
    if (!result.ok) return setError(errorMessage(result));
    const answer = result.data;
    setOutcome(
      "requestedBy" in answer
        ? { tone: "info", text: t("requested", { alias: answer.alias, version: answer.version }) }
        : { tone: "success", text: t("moved", { alias: answer.alias, version: answer.version }) },
    );
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("form")} className="space-y-3">
      <div className="grid gap-3 md:grid-cols-[12rem_12rem_1fr]">
        <Field id="move-alias" label={t("alias")} hint={t("aliasHint")} error={errors.alias}>
          <TextInput
            id="move-alias"
            {...invalidProps("move-alias", errors.alias)}
            name="alias"
            list="move-alias-choices"
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
            autoComplete="off"
          />
          <datalist id="move-alias-choices">
            {aliases.map((a) => (
              <option key={a.alias} value={a.alias}>
                {a.isProtected ? t("choiceProtected") : ""}
                {a.version !== null ? t("choiceNow", { version: a.version }) : ""}
              </option>
            ))}
          </datalist>
        </Field>
        <Field id="move-version" label={t("version")} error={errors.version}>
          <Select id="move-version" {...invalidProps("move-version", errors.version)} name="version">
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="move-note"
          label={policy.isProtected ? t("noteRequired") : t("note")}
          hint={policy.isProtected ? t("noteHintProtected") : t("noteHint")}
          error={errors.note}
        >
          <TextArea id="move-note" {...invalidProps("move-note", errors.note)} name="note" rows={2} />
        </Field>
      </div>
      {isRefused ? (
        <Notice tone="warn" title={t("isProtected", { alias: policy.alias })}>
          <span data-testid="move-alias-refusal">{t("refusal", { role: ROLES.has(role) ? tr(role) : role })}</span>
        </Notice>
      ) : (
        policy.requiresApproval && (
          <p className="text-xs text-amber-200">{t("needsApproval", { alias: policy.alias })}</p>
        )
      )}
      <Button type="submit" variant="primary" disabled={isPending || isRefused || versions.length === 0}>
        {isPending ? t("moving") : policy.requiresApproval ? t("request") : t("submit")}
      </Button>
      {error && (
        <Notice tone="error" title={t("notMoved")}>
          <span data-stored-text>{error}</span>
        </Notice>
      )}
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
    </form>
  );
}
