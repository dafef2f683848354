import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CodedTextView } from "@/components/ui/coded-text";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { UtcTime } from "@/components/ui/utc-time";
import { formatSilence, formatTempC } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { GpuOut, HealthCauseOut } from "@/lib/inventory/schemas";
import { drainXids } from "@/lib/telemetry/health/health-rules";
import type { TelemetrySettings } from "@/lib/telemetry/settings";

const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;
const stored = (chunks: ReactNode) => <span data-stored-text>{chunks}</span>;

function Rule({ state, children }: { state: ReactNode; children: ReactNode }) {
  return (
    <li className="flex gap-2">
      <span className="w-16 shrink-0">{state}</span>
      <span>{children}</span>
    </li>
  );
}

/** The XIDs that fail a GPU, as "48, 62 or 79" in the reader's language. */
function useXidList(): string {
  const t = useTranslations("gpus.healthPanel");
  const xids = Object.keys(drainXids);
  return xids.length > 1 ? t("xidOr", { list: xids.slice(0, -1).join(", "), last: xids.at(-1)! }) : (xids[0] ?? "");
}

/** Where the health came from, in words. */
function SourceWords({ source }: { source: HealthCauseOut["source"] }) {
  const t = useTranslations("gpus.healthPanel.sources");
  return <>{t(source)}</>;
}

/** Where one cause came from: the sample that showed it, or who said so. */
function CauseOrigin({ cause }: { cause: HealthCauseOut }) {
  const t = useTranslations("gpus.healthPanel");
  const { evidence } = cause;
  if (evidence) {
    return (
      <>
        {t.rich("evidence", {
          field: evidence.field,
          value: String(evidence.value),
          mono,
          time: () => <UtcTime iso={evidence.at} />,
        })}
      </>
    );
  }
  return <SourceWords source={cause.source} />;
}

function Causes({ causes }: { causes: HealthCauseOut[] }) {
  const th = useTranslations("common.health");
  return (
    <ul className="mt-1.5 space-y-1.5" data-testid="health-causes">
      {causes.map((c, i) => (
        <li key={`${c.code}-${i}`}>
          <span className="text-slate-100">
            <CodedTextView value={c.params ? { code: `health.${c.code}`, params: c.params } : null} fallback={c.text} />
          </span>
          <span className="block text-[11px] text-slate-400">
            {th(c.level)} · <CauseOrigin cause={c} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function HealthAck({ ack }: { ack: NonNullable<GpuOut["healthAck"]> }) {
  const t = useTranslations("gpus.healthPanel.ack");
  return (
    <p
      className="mt-2 rounded border border-slate-700 bg-slate-900/60 px-2 py-1.5 text-xs text-slate-300"
      data-testid="health-ack"
    >
      {t.rich(ack.kind, { by: ack.by, note: ack.note, stored, time: () => <UtcTime iso={ack.at} /> })}
    </p>
  );
}

function HealthState({ gpu, nowMs }: { gpu: GpuOut; nowMs: number }) {
  const t = useTranslations("gpus.healthPanel");
  const tt = useTranslations("common.telemetry");
  const tsrc = useTranslations("gpus.healthPanel.sources");
  const locale = asLocale(useLocale());
  const silence =
    gpu.telemetry === "reporting"
      ? null
      : gpu.telemetry === "never" || !gpu.lastSeenAt
        ? tt("neverReported")
        : tt("silentFor", { span: formatSilence(gpu.lastSeenAt, nowMs, locale) });
  const healthyText = gpu.healthSource === "operator" ? t("operatorReturned") : t("noProblem");
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <GpuHealthBadge health={gpu.health} />
        {silence && (
          <span className="text-xs text-slate-300" data-testid="health-silence">
            {t("lastKnown", { silence })}
          </span>
        )}
      </div>
      {gpu.healthCauses.length ? (
        <Causes causes={gpu.healthCauses} />
      ) : (
        <p className="mt-1.5 text-slate-100">
          {gpu.healthReason ? (
            <span data-stored-text>{gpu.healthReason}</span>
          ) : gpu.health === "healthy" ? (
            healthyText
          ) : (
            t("noReason")
          )}
        </p>
      )}
      <p className="mt-1 text-xs text-slate-400" data-testid="health-source">
        {gpu.health === "healthy" && gpu.healthCauses.length === 0 && (
          <>{t("source", { source: tsrc(gpu.healthSource ?? "unknown") })} </>
        )}
        {gpu.healthChangedAt ? t.rich("since", { time: () => <UtcTime iso={gpu.healthChangedAt} /> }) : t("unchanged")}
      </p>
      {gpu.healthAck && <HealthAck ack={gpu.healthAck} />}
    </>
  );
}

/**
 * The GPU's health with every cause and where each came from (the sample, or
 * who said so), whether telemetry still confirms it, an operator's note, and
 * the rules that set it with this installation's thresholds.
 */
export function GpuHealth({
  gpu,
  settings,
  nowMs,
  actions,
}: {
  gpu: GpuOut;
  settings: Pick<TelemetrySettings, "degradedTempC" | "throttleSustainMinutes" | "staleAfterMinutes">;
  nowMs: number;
  actions?: ReactNode;
}) {
  const t = useTranslations("gpus.healthPanel");
  const th = useTranslations("common.health");
  const locale = asLocale(useLocale());
  const xids = useXidList();
  const tone =
    gpu.health === "failed"
      ? "border-rose-500/30 bg-rose-500/5"
      : gpu.health === "degraded"
        ? "border-amber-500/30 bg-amber-500/5"
        : "border-slate-800 bg-slate-950/40";
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className={`rounded-md border px-3 py-2.5 text-[13px] ${tone}`}>
        <HealthState gpu={gpu} nowMs={nowMs} />
        {actions}
      </div>
      <ul className="space-y-1 text-xs text-slate-400" aria-label={t("rules")}>
        <Rule state={<span className="text-rose-300">{th("failed")}</span>}>{t("failedRule", { xids })}</Rule>
        <Rule state={<span className="text-amber-300">{th("degraded")}</span>}>
          {t("degradedRule", {
            temp: formatTempC(settings.degradedTempC, locale),
            minutes: settings.throttleSustainMinutes,
          })}
        </Rule>
        <Rule state={<span className="text-slate-300">{t("noData")}</span>}>
          {t("noDataRule", { minutes: settings.staleAfterMinutes })}
        </Rule>
      </ul>
    </div>
  );
}
