"use client";

import { useTranslations } from "next-intl";
import { FailureDetails } from "@/components/ui/page-failure";
import { StandalonePage } from "@/components/ui/standalone-page";

/**
 * A failure above the dashboard's own boundary: its layout (checking the
 * session needs the database) or the sign-in page. The shell cannot be drawn,
 * so this is the standalone panel, still in Rackmind's look.
 */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  return (
    <StandalonePage title={t("rootTitle")} subtitle={t("subtitle")}>
      <div role="alert" data-testid="page-error">
        <FailureDetails error={error} retry={retry} />
      </div>
    </StandalonePage>
  );
}
