import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DatasetVersionSummaryOut } from "@/lib/datasets/dataset-views";

/** Links to each version (?version=), the one shown marked current. Plain links: no script needed to switch. */
export function VersionPicker({
  name,
  versions,
  current,
}: {
  name: string;
  versions: DatasetVersionSummaryOut[];
  current: number;
}) {
  const t = useTranslations("datasets");
  return (
    <nav aria-label={t("versions.label")} className="flex flex-wrap items-center gap-1">
      <span className="mr-1 text-[11px] font-medium uppercase tracking-wider text-slate-500">
        {t("versions.version")}
      </span>
      {versions.map((v) => {
        const isCurrent = v.version === current;
        return (
          <Link
            key={v.version}
            href={`/datasets/${encodeURIComponent(name)}?version=${v.version}`}
            aria-current={isCurrent ? "page" : undefined}
            title={t("versions.title", {
              rows: v.rows,
              at: v.createdAt,
              by: v.createdBy,
              bytes: v.contentHash.slice(0, 12),
              cleaned: v.cleanedHash.slice(0, 12),
            })}
            className={`rounded px-2 py-0.5 font-mono text-[12px] ${isCurrent ? "bg-emerald-500/15 text-emerald-200 ring-1 ring-inset ring-emerald-500/40" : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"}`}
          >
            {t("versionLabel", { version: v.version })}
          </Link>
        );
      })}
    </nav>
  );
}
