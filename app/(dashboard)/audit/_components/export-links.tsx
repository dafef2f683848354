import { useTranslations } from "next-intl";
import { hrefWith } from "@/components/ui/pager";
import type { AuditQuery } from "@/lib/audit/schemas";

const linkClass =
  "inline-flex items-center rounded-md border border-slate-700 bg-slate-800/70 px-3 py-1.5 text-[13px] font-medium " +
  "text-slate-100 hover:bg-slate-700/70";

/**
 * Downloads of everything the current filters match (not just this page), from
 * the API with the session cookie. Built from the parsed query, so dates typed
 * as "2026-01-31" go out as the full instants the API insists on.
 */
export function ExportLinks({ query }: { query: AuditQuery }) {
  const { actor, action, target, object, from, to } = query;
  const filters = { actor, action, target, object, from, to };
  const t = useTranslations("audit.export");
  return (
    <div className="flex gap-2">
      {/* Plain anchors: a download is a document request, not a client-side navigation. */}
      <a
        href={hrefWith("/api/v1/audit", { ...filters, format: "csv" })}
        download
        className={linkClass}
        data-testid="export-csv"
      >
        {t("csv")}
      </a>
      <a href={hrefWith("/api/v1/audit", { ...filters, format: "ndjson" })} download className={linkClass}>
        {t("ndjson")}
      </a>
    </div>
  );
}
