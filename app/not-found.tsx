import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/form-controls";
import { StandalonePage } from "@/components/ui/standalone-page";
import { getPagePrincipal } from "@/lib/auth/page-session";
import { DashboardShell } from "./(dashboard)/_components/dashboard-shell";
import { NotFoundPanel } from "./(dashboard)/_components/not-found-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("notFound.eyebrow") };
}

/**
 * Every URL no route matches (and a notFound() outside the dashboard). Signed
 * in, it is the dashboard's not-found inside the dashboard shell; signed out,
 * a plain panel that offers the sign-in page and says nothing about what
 * exists. Still a 404 either way.
 */
export default async function NotFound() {
  const principal = await getPagePrincipal();
  const t = await getTranslations("errors.notFound");
  if (principal) {
    return (
      <DashboardShell principal={principal}>
        <NotFoundPanel />
      </DashboardShell>
    );
  }
  return (
    <StandalonePage title={t("standaloneTitle")} subtitle={t("standaloneSubtitle")}>
      <div data-testid="not-found">
        <p>{t("mistyped")}</p>
        <div className="mt-4">
          <ButtonLink href="/login" variant="primary">
            {t("signIn")}
          </ButtonLink>
        </div>
      </div>
    </StandalonePage>
  );
}
