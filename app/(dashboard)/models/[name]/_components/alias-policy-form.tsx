"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useFormWording } from "@/components/forms/form-wording";
import { checkInput } from "@/components/forms/schema-check";
import { Button, TextInput } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";
import { AliasName, AliasPolicyInput } from "@/lib/models/schemas";

/**
 * Whether an alias is protected and whether its moves wait for a second
 * admin (admins; PUT …/aliases/{alias}/policy). Without `alias` the form
 * sets the policy of an alias typed in, e.g. before first pointing it.
 */
export function AliasPolicyForm({
  name,
  alias: fixedAlias,
  isProtected: wasProtected = false,
  requiresApproval: wasRequired = false,
}: {
  name: string;
  alias?: string;
  isProtected?: boolean;
  requiresApproval?: boolean;
}) {
  const t = useTranslations("models.policies");
  const wording = useFormWording();
  const [alias, setAlias] = useState(fixedAlias ?? "");
  const [isProtected, setIsProtected] = useState(wasProtected);
  const [requiresApproval, setRequiresApproval] = useState(wasRequired);
  const [problem, setProblem] = useState<string | null>(null);
  const { isPending, error, run } = useApiAction();
  const id = `policy-${fixedAlias ?? "new"}`;
  const isChanged = fixedAlias === undefined || isProtected !== wasProtected || requiresApproval !== wasRequired;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checkedAlias = checkInput(AliasName, alias, { wording });
    const body = { protected: isProtected, requiresApproval };
    const input = checkInput(AliasPolicyInput, body, { wording });
    const message = !checkedAlias.ok
      ? t("aliasProblem", { message: checkedAlias.messages[0]?.message ?? "" })
      : !input.ok
        ? input.messages[0]?.message
        : null;
    setProblem(message ?? null);
    if (!checkedAlias.ok || !input.ok) return;
    if (
      (await run("PUT", `/api/v1/models/${encodeURIComponent(name)}/aliases/${checkedAlias.data}/policy`, body)) &&
      !fixedAlias
    )
      setAlias("");
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label={fixedAlias ? t("formOf", { alias: fixedAlias }) : t("formOfAnother")}
      className="flex flex-wrap items-center gap-x-4 gap-y-1"
    >
      {fixedAlias === undefined && (
        <span className="w-40">
          <label htmlFor={`${id}-alias`} className="sr-only">
            {t("aliasLabel")}
          </label>
          <TextInput
            id={`${id}-alias`}
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
            placeholder={t("aliasPlaceholder", { example: "staging" })}
          />
        </span>
      )}
      <label className="flex items-center gap-1.5 text-[13px] text-slate-300">
        <input
          type="checkbox"
          checked={isProtected}
          onChange={(e) => {
            setIsProtected(e.target.checked);
            if (!e.target.checked) setRequiresApproval(false);
          }}
          className="size-3.5 accent-emerald-500"
        />
        {t("protectedBox")}
      </label>
      <label className="flex items-center gap-1.5 text-[13px] text-slate-300">
        <input
          type="checkbox"
          checked={requiresApproval}
          onChange={(e) => setRequiresApproval(e.target.checked)}
          className="size-3.5 accent-emerald-500"
        />
        {t("approvalBox")}
      </label>
      <Button type="submit" disabled={isPending || !isChanged}>
        {isPending ? t("saving") : t("save")}
      </Button>
      <ActionError message={problem ?? error} className="basis-full" />
    </form>
  );
}
