import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, Field, TextInput } from "@/components/ui/form-controls";
import { hrefWith } from "@/components/ui/pager";
import { energyRanges, type EnergyRange, type EnergyView, viewParams } from "./energy-query";
import { SiteLink } from "./site-link";

/** `site`: a site link, which remembers the pick so /energy opens on it next time. */
type Option = { key: string; label: string; href: string; title?: string; isCurrent: boolean; site?: string };

const optionClass = (isCurrent: boolean) =>
  `rounded px-2.5 py-1 font-mono text-[12px] font-medium transition-colors ${isCurrent ? "bg-slate-700 text-slate-50 shadow-sm" : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"}`;

/** Links styled as a segmented control, like the GPU page's range picker; they work without JS. */
function Segmented({ label, options }: { label: string; options: Option[] }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-slate-700 bg-slate-950/60 p-0.5">
      {options.map((o) =>
        o.site ? (
          <SiteLink
            key={o.key}
            site={o.site}
            href={o.href}
            isCurrent={o.isCurrent}
            className={optionClass(o.isCurrent)}
          >
            {o.label}
          </SiteLink>
        ) : (
          <Link
            key={o.key}
            href={o.href}
            title={o.title}
            aria-current={o.isCurrent ? "page" : undefined}
            className={optionClass(o.isCurrent)}
          >
            {o.label}
          </Link>
        ),
      )}
    </nav>
  );
}

const isoMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

/** A GET form for any period; dates alone are whole UTC days. It sits behind a disclosure, as most visits use a preset. */
function CustomPeriodForm({ view, values }: { view: EnergyView | null; values: Record<string, string> }) {
  const t = useTranslations("energy.picker");
  const keep = view ? viewParams(view) : { site: values.site };
  return (
    <details className="group relative" open={view === null && Boolean(values.from || values.to)}>
      <summary
        className={`cursor-pointer list-none rounded-md border px-2.5 py-1 font-mono text-[12px] font-medium transition-colors [&::-webkit-details-marker]:hidden ${
          view?.range === "custom"
            ? "border-slate-600 bg-slate-700 text-slate-50"
            : "border-slate-700 bg-slate-950/60 text-slate-400 hover:text-slate-100"
        }`}
      >
        {t("custom")}
      </summary>
      <form
        method="get"
        action="/energy"
        aria-label={t("customForm")}
        className="absolute right-0 z-20 mt-2 w-80 space-y-3 rounded-lg border border-slate-700 bg-slate-900 p-3 shadow-xl shadow-black/40"
      >
        {Object.entries({ site: keep.site, rackCapPct: keep.rackCapPct, pueTarget: keep.pueTarget }).map(
          ([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null),
        )}
        <Field id="energy-from" label={t("from")} hint={t("fromHint")}>
          <TextInput
            id="energy-from"
            name="from"
            required
            defaultValue={values.from ?? (view ? isoMinute(view.fromMs) : "")}
            className="font-mono"
          />
        </Field>
        <Field id="energy-to" label={t("to")} hint={t("toHint")}>
          <TextInput
            id="energy-to"
            name="to"
            defaultValue={values.to ?? (view ? isoMinute(view.toMs) : "")}
            className="font-mono"
          />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" variant="primary">
            {t("show")}
          </Button>
        </div>
      </form>
    </details>
  );
}

/**
 * Which site and which period the page shows. Site and preset links keep the
 * rest of the view; a custom period is a small GET form.
 */
export function PeriodPicker({
  sites,
  view,
  values,
}: {
  sites: string[];
  view: EnergyView | null;
  values: Record<string, string>;
}) {
  const t = useTranslations("energy.picker");
  const base = view ? viewParams(view) : {};
  const siteOptions = sites.map((site) => ({
    key: site,
    label: site,
    site,
    href: hrefWith("/energy", { ...base, site }),
    isCurrent: site === (view?.site ?? values.site),
  }));
  const rangeOptions = (Object.keys(energyRanges) as EnergyRange[]).map((range) => ({
    key: range,
    label: range,
    title: t(`last.${range}`),
    href: hrefWith("/energy", { ...base, from: undefined, to: undefined, range }),
    isCurrent: view?.range === range,
  }));
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <Segmented label={t("site")} options={siteOptions} />
      <div className="flex items-center gap-2">
        <Segmented label={t("period")} options={rangeOptions} />
        <CustomPeriodForm view={view} values={values} />
      </div>
    </div>
  );
}
