import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "./form-controls";

// What an error boundary may show about a failure: never its message or
// stack (a server error's text can carry SQL, hostnames or secrets), only the
// digest Next logs beside the real error, so an operator can find it.

/** The digest Next gives an error thrown while rendering on the server, or null for one thrown in the browser. */
export function digestOf(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest !== "" ? digest : null;
}

/** The reference for the logs, and the ways on: try again, or the overview. Its words come from the catalogue; global-error.tsx, outside the provider, brings its own. */
export function FailureDetails({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  const t = useTranslations("errors");
  return (
    <div className="space-y-4">
      {digest ? (
        <p className="text-[13px] text-slate-400">
          {t.rich("digest", {
            digest,
            code: (chunks) => (
              <code
                className="rounded bg-slate-800/80 px-1.5 py-0.5 font-mono text-slate-200"
                data-testid="error-digest"
              >
                {chunks}
              </code>
            ),
          })}
        </p>
      ) : (
        <p className="text-[13px] text-slate-400">{t("inBrowser")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => retry()}>
          {t("retry")}
        </Button>
        <ButtonLink href="/overview">{t("toOverview")}</ButtonLink>
      </div>
    </div>
  );
}
