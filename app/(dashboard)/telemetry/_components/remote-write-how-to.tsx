import { useTranslations } from "next-intl";
import { CodeExample } from "@/components/ui/code-example";
import { verbatimBright, verbatimDim } from "@/components/ui/verbatim";

/**
 * How a Prometheus that already scrapes dcgm-exporter forwards to Rackmind:
 * the `remote_write` block to paste into prometheus.yml. `origin` is this
 * Rackmind's address as the browser sees it. The token is read from a file
 * (credentials_file) so it stays out of the configuration.
 */
export function RemoteWriteHowTo({ origin }: { origin: string }) {
  const t = useTranslations("telemetry.remoteWrite");
  const config = [
    `remote_write:`,
    `  - url: ${origin}/api/v1/telemetry/remote-write`,
    `    authorization:`,
    `      credentials_file: /etc/prometheus/rackmind.token`,
    `    write_relabel_configs:`,
    `      - source_labels: [__name__]`,
    `        regex: DCGM_.*`,
    `        action: keep`,
    `    queue_config:`,
    `      batch_send_deadline: 5s`,
    `      max_backoff: 30s`,
  ].join("\n");
  return (
    <div className="space-y-3 text-[13px] text-slate-300">
      <p>
        {t.rich("intro", { code: verbatimBright, file: "prometheus.yml", token: "/etc/prometheus/rackmind.token" })}
      </p>
      <CodeExample label={t("example")} testId="remote-write-example">
        {config}
      </CodeExample>
      <p className="text-slate-400">{t.rich("keep", { code: verbatimDim, regex: "DCGM_.*" })}</p>
      <p className="text-xs text-slate-500">
        {t.rich("statuses", { code: verbatimDim, ok: "204", bad: "400", retry: "503", metrics: "/api/metrics" })}
      </p>
    </div>
  );
}
