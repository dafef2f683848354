import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/form-controls";
import { StandalonePage } from "@/components/ui/standalone-page";
import { getPagePrincipal } from "@/lib/auth/page-session";
import { DashboardShell } from "./(dashboard)/_components/dashboard-shell";
import { NotFoundPanel } from "./(dashboard)/_components/not-found-panel";

export const metadata: Metadata = { title: "Not found" };

/**
 * Every URL no route matches (and a notFound() outside the dashboard). Signed
 * in, it is the dashboard's not-found inside the dashboard shell; signed out,
 * a plain panel that offers the sign-in page and says nothing about what
 * exists. Still a 404 either way.
 */
export default async function NotFound() {
  const principal = await getPagePrincipal();
  if (principal) {
    return (
      <DashboardShell principal={principal}>
        <NotFoundPanel />
      </DashboardShell>
    );
  }
  return (
    <StandalonePage title="Page not found" subtitle="Rackmind has no page at this address">
      <div data-testid="not-found">
        <p>The link may be mistyped or out of date.</p>
        <div className="mt-4">
          <ButtonLink href="/login" variant="primary">
            Sign in
          </ButtonLink>
        </div>
      </div>
    </StandalonePage>
  );
}
