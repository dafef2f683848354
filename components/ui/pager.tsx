import { useTranslations } from "next-intl";
import { ButtonLink } from "./form-controls";

/**
 * Cursor pagination controls. Cursors only go forward, so the way back is
 * "First page" (the same filters without a cursor) rather than "Previous".
 */
export function Pager({
  summary,
  firstHref,
  nextHref,
}: {
  summary: string;
  firstHref: string | null;
  nextHref: string | null;
}) {
  const t = useTranslations("common.pager");
  return (
    <nav
      aria-label={t("label")}
      className="flex items-center justify-between gap-3 border-t border-slate-800 px-3 py-2.5 text-xs text-slate-400"
    >
      <span>{summary}</span>
      <div className="flex gap-2">
        {firstHref && <ButtonLink href={firstHref}>{t("first")}</ButtonLink>}
        {nextHref && <ButtonLink href={nextHref}>{t("next")}</ButtonLink>}
      </div>
    </nav>
  );
}

/** A URL for `path` with `params`, leaving out empty values so links stay short and readable. */
export function hrefWith(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
