"use client";

import { FailureDetails } from "@/components/ui/page-failure";
import { StandalonePage } from "@/components/ui/standalone-page";

/**
 * A failure above the dashboard's own boundary: its layout (checking the
 * session needs the database) or the sign-in page. The shell cannot be drawn,
 * so this is the standalone panel, still in Rackmind's look.
 */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <StandalonePage title="Rackmind could not show this page" subtitle="Something went wrong on the way">
      <div role="alert" data-testid="page-error">
        <FailureDetails error={error} retry={retry} />
      </div>
    </StandalonePage>
  );
}
