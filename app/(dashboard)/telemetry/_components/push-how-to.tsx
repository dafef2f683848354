import { useTranslations } from "next-intl";
import { CodeExample } from "@/components/ui/code-example";
import { ScrollArea } from "@/components/ui/scroll-area";
import { verbatimBright, verbatimDim } from "@/components/ui/verbatim";

/**
 * How to send telemetry without a scrape target: pipe dcgm-exporter's page into
 * the push endpoint. `origin` is this Rackmind's address as the browser sees it,
 * so the example can be pasted as is.
 */
export function PushHowTo({ origin }: { origin: string }) {
  const t = useTranslations("telemetry.push");
  // Identifiers and commands are the same in every language: translate="no" tells translators (and the i18n scan).
  const code = verbatimBright;
  const dim = verbatimDim;
  const curl = [
    `RACKMIND=${origin}`,
    `AT=$(date -u +%FT%TZ)`,
    `curl -s http://localhost:9400/metrics |`,
    `  curl -sS "$RACKMIND/api/v1/telemetry/dcgm?at=$AT" \\`,
    `    -H "Authorization: Bearer $RACKMIND_TOKEN" \\`,
    `    -H "Content-Type: text/plain" --data-binary @-`,
  ].join("\n");
  const answer = `{ "accepted": 160, "rejected": 0, "unknownGpus": 0,\n  "stored": 160, "duplicates": 0, "rejections": [] }`;
  return (
    <div className="space-y-3 text-[13px] text-slate-300">
      <p>{t.rich("intro", { code, uuid: "UUID", hostname: "Hostname", gpu: "gpu" })}</p>
      <CodeExample label={t("example")} testId="push-example">
        {curl}
      </CodeExample>
      <p className="text-slate-400">
        {t.rich("stamped", {
          at: "?at=",
          code: (chunks) => (
            <span className="font-mono" translate="no">
              {chunks}
            </span>
          ),
        })}
      </p>
      <ScrollArea
        as="pre"
        label={t("answer")}
        className="overflow-x-auto rounded-md border border-slate-800 bg-slate-950/80 p-3 font-mono text-[12px] leading-5 text-slate-400"
      >
        <code translate="no">{answer}</code>
      </ScrollArea>
      <p className="text-xs text-slate-500">
        {t.rich("simulate", {
          code: dim,
          command: "npm run simulate",
          url: "http://127.0.0.1:9400/metrics",
          hostPath: "/hosts/<hostname>/metrics",
        })}
      </p>
    </div>
  );
}
