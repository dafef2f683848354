import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "@/components/ui/pager";
import type { ColourBy } from "./elevation-colourings";

const colourings: ColourBy[] = ["status", "temperature", "power"];

/**
 * Links, not buttons: each colouring is its own URL (?colour=…), so a view
 * can be shared, and the page stays a server component. `highlight` is kept.
 */
export function ColourByToggle({
  path,
  current,
  highlight,
}: {
  path: string;
  current: ColourBy;
  highlight: string | null;
}) {
  const t = useTranslations("racks.colourBy");
  return (
    <nav aria-label={t("label")} className="inline-flex rounded-md border border-slate-700 bg-slate-950/60 p-0.5">
      {colourings.map((c) => (
        <Link
          key={c}
          href={hrefWith(path, { colour: c === "status" ? undefined : c, highlight: highlight ?? undefined })}
          aria-current={c === current ? "page" : undefined}
          className={`rounded px-2.5 py-1 text-[12px] font-medium transition-colors ${
            c === current
              ? "bg-slate-700 text-slate-50 shadow-sm"
              : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"
          }`}
        >
          {t(c)}
        </Link>
      ))}
    </nav>
  );
}
