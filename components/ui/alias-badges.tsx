import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Icon } from "./icons";

export type AliasMark = { alias: string; isProtected: boolean };

/**
 * A version's aliases as small labels. A protected alias (moving it needs an
 * admin and a note) carries a lock and the word "protected" for screen
 * readers and in its tooltip, not only a different colour.
 */
export function AliasBadges({ aliases, empty = null }: { aliases: AliasMark[]; empty?: ReactNode }) {
  if (aliases.length === 0) return <>{empty}</>;
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="alias-badges">
      {aliases.map((a) => (
        <AliasBadge key={a.alias} alias={a} />
      ))}
    </span>
  );
}

/** An alias's name is data (any word an operator chose); only "protected" is ours to translate. */
export function AliasBadge({ alias }: { alias: AliasMark }) {
  const t = useTranslations("models.alias");
  const tone = alias.isProtected
    ? "bg-violet-500/10 text-violet-200 ring-violet-500/40"
    : "bg-slate-800/80 text-slate-300 ring-slate-700";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-mono text-[11px] leading-4 ring-1 ring-inset ${tone}`}
      title={alias.isProtected ? t("protectedTitle", { alias: alias.alias }) : alias.alias}
      data-testid="alias-badge"
      data-protected={alias.isProtected || undefined}
    >
      {alias.isProtected && <Icon name="lock" className="size-3" />}
      {alias.alias}
      {alias.isProtected && <span className="sr-only"> {t("protected")}</span>}
    </span>
  );
}
