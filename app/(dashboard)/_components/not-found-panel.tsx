"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";

// A client island only for the path: not-found files get no props, and the
// path is what tells the reader which list to go back to.

type Back = "fleet" | "racks" | "schedules" | "jobs" | "datasets" | "models" | "deployments";
type What = "gpu" | "server" | "rack" | "schedule" | "job" | "dataset" | "modelVersion" | "model" | "deployment";
type Section = { prefix: string; href: string; back: Back; what: What; pattern?: RegExp };

/** Where each record page's list lives; the first entry whose prefix (and pattern, if any) matches wins. */
const sections: Section[] = [
  { prefix: "/gpus/", href: "/fleet", back: "fleet", what: "gpu" },
  { prefix: "/servers/", href: "/fleet", back: "fleet", what: "server" },
  { prefix: "/racks/", href: "/racks", back: "racks", what: "rack" },
  { prefix: "/jobs/schedules/", href: "/jobs/schedules", back: "schedules", what: "schedule" },
  { prefix: "/jobs/", href: "/jobs", back: "jobs", what: "job" },
  { prefix: "/datasets/", href: "/datasets", back: "datasets", what: "dataset" },
  // An unknown version is named as such (its model may well exist); both lead back to all models.
  {
    prefix: "/models/",
    pattern: /^\/models\/[^/]+\/versions\//,
    href: "/models",
    back: "models",
    what: "modelVersion",
  },
  { prefix: "/models/", href: "/models", back: "models", what: "model" },
  { prefix: "/deployments/", href: "/deployments", back: "deployments", what: "deployment" },
];

/** The dashboard's "not found": what was asked for, why it may be missing, and a way back. */
export function NotFoundPanel() {
  const t = useTranslations("errors.notFound");
  const pathname = usePathname() ?? "";
  const section = sections.find((s) => pathname.startsWith(s.prefix) && (!s.pattern || s.pattern.test(pathname)));
  const what = section ? t(`what.${section.what}`) : null;
  return (
    <div data-testid="not-found">
      <PageHeader
        eyebrow={t("eyebrow")}
        title={what ? t("noSuchRecord", { what }) : t("noSuchPage")}
        description={what ? t("recordDescription", { what }) : t("pageDescription")}
      />
      <Card>
        <p className="text-[13px] text-slate-400">
          {t.rich("askedFor", {
            path: pathname,
            mono: (chunks) => (
              <span className="break-all font-mono text-slate-200" data-testid="not-found-path">
                {chunks}
              </span>
            ),
          })}
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          {section && (
            <ButtonLink href={section.href} variant="primary">
              {t(`back.${section.back}`)}
            </ButtonLink>
          )}
          <ButtonLink href="/overview" variant={section ? "secondary" : "primary"}>
            {t("toOverview")}
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}
