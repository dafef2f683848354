"use client";

import { usePathname } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";

// A client island only for the path: not-found files get no props, and the
// path is what tells the reader which list to go back to.

type Section = { prefix: string; href: string; label: string; what: string; pattern?: RegExp };

/** Where each record page's list lives; the first entry whose prefix (and pattern, if any) matches wins. */
const sections: Section[] = [
  { prefix: "/gpus/", href: "/fleet", label: "Back to the fleet", what: "GPU" },
  { prefix: "/servers/", href: "/fleet", label: "Back to the fleet", what: "server" },
  { prefix: "/racks/", href: "/racks", label: "All racks", what: "rack" },
  { prefix: "/jobs/schedules/", href: "/jobs/schedules", label: "All schedules", what: "schedule" },
  { prefix: "/jobs/", href: "/jobs", label: "All jobs", what: "job" },
  { prefix: "/datasets/", href: "/datasets", label: "All datasets", what: "dataset" },
  // An unknown version is named as such (its model may well exist); both lead back to all models.
  {
    prefix: "/models/",
    pattern: /^\/models\/[^/]+\/versions\//,
    href: "/models",
    label: "All models",
    what: "model version",
  },
  { prefix: "/models/", href: "/models", label: "All models", what: "model" },
  { prefix: "/deployments/", href: "/deployments", label: "All deployments", what: "deployment" },
];

/** The dashboard's "not found": what was asked for, why it may be missing, and a way back. */
export function NotFoundPanel() {
  const pathname = usePathname() ?? "";
  const section = sections.find((s) => pathname.startsWith(s.prefix) && (!s.pattern || s.pattern.test(pathname)));
  return (
    <div data-testid="not-found">
      <PageHeader
        eyebrow="Not found"
        title={section ? `No such ${section.what}` : "No such page"}
        description={
          section
            ? `Nothing in Rackmind answers to this ${section.what}: it may have been removed or renamed, or the link was mistyped.`
            : "Rackmind has no page at this address: the link may be mistyped or out of date."
        }
      />
      <Card>
        <p className="text-[13px] text-slate-400">
          Asked for{" "}
          <span className="break-all font-mono text-slate-200" data-testid="not-found-path">
            {pathname}
          </span>
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          {section && (
            <ButtonLink href={section.href} variant="primary">
              {section.label}
            </ButtonLink>
          )}
          <ButtonLink href="/overview" variant={section ? "secondary" : "primary"}>
            Go to the overview
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}
