import Link from "next/link";
import { useTranslations } from "next-intl";
import { CodeExample } from "@/components/ui/code-example";
import { verbatimBright, verbatimDim } from "@/components/ui/verbatim";

/**
 * The empty state of a site without meters: how to post cumulative meter
 * registers. `origin` is this Rackmind's address as the browser sees it, so
 * the example pastes as is.
 */
export function ReadingsHowTo({ origin, site, hasGpuEnergy }: { origin: string; site: string; hasGpuEnergy: boolean }) {
  const t = useTranslations("energy.howTo");
  // Identifiers and commands are the same in every language: translate="no" tells translators (and the i18n scan).
  const code = verbatimBright;
  const dim = verbatimDim;
  const curl = [
    `RACKMIND=${origin}`,
    `AT=$(date -u +%FT%TZ)`,
    `curl -sS "$RACKMIND/api/v1/energy/readings" \\`,
    `  -H "Authorization: Bearer $RACKMIND_TOKEN" \\`,
    `  -H "Content-Type: application/json" --data-binary @- <<EOF`,
    `[{"site": "${site}", "meter": "utility-main", "scope": "facility", "at": "$AT", "kwhTotal": 1204518.4},`,
    ` {"site": "${site}", "meter": "it-ups-a", "scope": "it", "at": "$AT", "kwhTotal": 860127.9}]`,
    `EOF`,
  ].join("\n");
  return (
    <div className="space-y-3 text-[13px] text-slate-300" data-testid="readings-how-to">
      <p>
        {t.rich("intro", {
          site,
          facility: "facility",
          it: "it",
          code,
          admin: (chunks) => (
            <Link href="/admin" className="text-emerald-300 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <CodeExample label={t("example")} testId="readings-example">
        {curl}
      </CodeExample>
      <p className="text-xs text-slate-500">
        {t.rich("details", { code: dim, watts: '"watts"', kwhTotal: '"kwhTotal"' })}{" "}
        {hasGpuEnergy ? (
          t("gpuFallback")
        ) : (
          <>
            {t("gpuNeeds")}{" "}
            <Link href="/telemetry" className="text-emerald-300 hover:underline">
              {t("setUp")}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
