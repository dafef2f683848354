import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { DownloadLink } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import type { SearchParams } from "@/lib/http/page-query";
import type { Translate } from "@/lib/i18n/translate";
import { findLatestMeteredSite } from "@/lib/energy/meters/meters";
import { listSiteNames } from "@/lib/inventory/site-overview";
import { EnergyReport, EnergyReportSkeleton } from "./_components/energy-report";
import { chooseDefaultSite, readEnergyView, type EnergyView, type EnergyViewProblem } from "./_components/energy-query";
import { ENERGY_SITE_COOKIE, readEnergySiteCookie } from "./_components/energy-site-cookie";
import { PeriodPicker } from "./_components/period-picker";
import { readRequestOrigin } from "@/lib/http/request-origin";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.page"))("title") };
}

/** Why the view cannot be shown, in the reader's language; a refused query keeps the schema's words. */
function problemText(problem: EnergyViewProblem, t: Translate): string {
  if (problem.code === "no_sites") return t("noSites");
  if (problem.code === "unknown_site") return t("unknownSite", { site: problem.site });
  return problem.issues;
}

/** The per-day CSV of exactly the period on screen (the API takes the session cookie). */
function csvHref(view: EnergyView): string {
  return hrefWith("/api/v1/energy/summary.csv", {
    site: view.site,
    from: new Date(view.fromMs).toISOString(),
    to: new Date(view.toMs).toISOString(),
  });
}

export default async function EnergyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await requirePagePrincipal();
  const [sites, raw, origin, jar] = await Promise.all([listSiteNames(), searchParams, readRequestOrigin(), cookies()]);
  const remembered = readEnergySiteCookie(jar.get(ENERGY_SITE_COOKIE)?.value);
  // Only asked when needed: a remembered site or ?site= makes the lookup moot.
  const latest = raw.site || (remembered && sites.includes(remembered)) ? null : await findLatestMeteredSite();
  const parsed = readEnergyView(raw, sites, new Date(), chooseDefaultSite(sites, remembered, latest));
  const view = parsed.ok ? parsed.view : null;
  const t = await getTranslations("energy.page");

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={view && <DownloadLink href={csvHref(view)}>{t("downloadCsv")}</DownloadLink>}
      />
      <PeriodPicker sites={sites} view={view} values={parsed.values} />
      {parsed.ok ? (
        // Keyed on the URL, not on the computed period (which moves with the clock): a refresh after
        // saving the tariff then updates the report in place instead of remounting it.
        <Suspense key={JSON.stringify(parsed.values)} fallback={<EnergyReportSkeleton />}>
          <EnergyReport
            view={parsed.view}
            origin={origin}
            canWrite={can(principal.role, "energy.write")}
            role={principal.role}
          />
        </Suspense>
      ) : (
        <Notice tone="error" title={t("cannotShow")}>
          {problemText(parsed.problem, t)}{" "}
          {sites.length > 0 && (
            <Link href={hrefWith("/energy", { site: parsed.site ?? undefined })} className="underline">
              {parsed.site ? t("showLast24hAt", { site: parsed.site }) : t("showLast24h")}
            </Link>
          )}
        </Notice>
      )}
    </>
  );
}
