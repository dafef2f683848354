"use client";

import { Card } from "@/components/ui/card";
import { FailureDetails } from "@/components/ui/page-failure";
import { PageHeader } from "@/components/ui/page-header";

/**
 * A dashboard page that failed to render (the database away, a bug): the
 * sidebar stays, the page says so calmly and offers to try again. `retry`
 * re-fetches the server components, which `reset` alone would not.
 */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div role="alert" data-testid="page-error">
      <PageHeader
        eyebrow="Something went wrong"
        title="This page could not be shown"
        description="Rackmind ran into a problem it did not expect while preparing this page. It is often passing, such as the database restarting."
      />
      <Card>
        <FailureDetails error={error} retry={retry} />
      </Card>
    </div>
  );
}
