"use client";

import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { FailureDetails } from "@/components/ui/page-failure";
import { PageHeader } from "@/components/ui/page-header";

/**
 * A dashboard page that failed to render (the database away, a bug): the
 * sidebar stays, the page says so calmly and offers to try again. `retry`
 * re-fetches the server components, which `reset` alone would not.
 */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" data-testid="page-error">
      <PageHeader eyebrow={t("subtitle")} title={t("pageTitle")} description={t("pageDescription")} />
      <Card>
        <FailureDetails error={error} retry={retry} />
      </Card>
    </div>
  );
}
