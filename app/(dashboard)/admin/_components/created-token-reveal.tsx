"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/form-controls";
import type { Role } from "@/lib/auth/permissions";

/**
 * Shows a new token's secret. It exists only in this component's state: the
 * server keeps a hash, so once this is dismissed or the page reloads it is gone.
 */
export function CreatedTokenReveal({
  name,
  role,
  token,
  onDismiss,
}: {
  name: string;
  role: Role;
  token: string;
  onDismiss: () => void;
}) {
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const t = useTranslations("admin.tokens");
  const roles = useTranslations("shell.roles");

  async function copy() {
    try {
      // The clipboard API exists only in secure contexts (https or localhost).
      await navigator.clipboard.writeText(token);
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
  }

  return (
    <section aria-label={t("newToken")} className="rounded-md border border-emerald-500/40 bg-emerald-500/5 p-3">
      <p className="text-[13px] font-medium text-emerald-100">
        {t.rich("created", {
          name,
          role: roles(role),
          mono: (chunks) => <span className="font-mono">{chunks}</span>,
        })}
      </p>
      <p className="mt-0.5 text-xs text-emerald-100/80">{t("copyNow")}</p>
      <div className="mt-2 flex gap-2">
        <input
          readOnly
          value={token}
          aria-label={t("value")}
          data-testid="created-token"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 font-mono text-[12px] text-slate-100"
        />
        <Button onClick={copy}>{copyState === "copied" ? t("copied") : t("copy")}</Button>
      </div>
      {copyState === "failed" && <p className="mt-1 text-xs text-amber-200">{t("copyBlocked")}</p>}
      <Button variant="ghost" className="mt-2 px-0 text-xs" onClick={onDismiss}>
        {t("stored")}
      </Button>
    </section>
  );
}
