"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormWording } from "@/components/forms/form-wording";
import { checkInput } from "@/components/forms/schema-check";
import { Button } from "@/components/ui/form-controls";
import { ActionError, useApiAction } from "@/components/ui/use-api-action";
import { UpdateVersionInput } from "@/lib/models/schemas";

/**
 * Archive (hide from default lists; no alias may point at it) or restore a
 * version, after a confirmation step. The API refuses to archive a version an
 * alias points at and says which aliases: that message is shown as it comes.
 */
export function ArchiveButton({ name, version, isArchived }: { name: string; version: number; isArchived: boolean }) {
  const t = useTranslations("models.version.archive");
  const wording = useFormWording();
  const [isConfirming, setIsConfirming] = useState(false);
  const { isPending, error, run } = useApiAction();

  async function submit() {
    const body = { archived: !isArchived };
    if (!checkInput(UpdateVersionInput, body, { wording }).ok) return;
    if (await run("PATCH", `/api/v1/models/${encodeURIComponent(name)}/versions/${version}`, body))
      setIsConfirming(false);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      {isConfirming ? (
        <div className="flex gap-1.5">
          <Button variant={isArchived ? "primary" : "danger"} onClick={submit} disabled={isPending}>
            {isPending
              ? t(isArchived ? "restoring" : "archiving")
              : t(isArchived ? "confirmRestore" : "confirmArchive")}
          </Button>
          <Button variant="ghost" onClick={() => setIsConfirming(false)} disabled={isPending}>
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <Button onClick={() => setIsConfirming(true)}>{t(isArchived ? "restore" : "archive")}</Button>
      )}
      <ActionError message={error} className="max-w-md text-right" />
    </div>
  );
}
