import Link from "next/link";
import { useTranslations } from "next-intl";
import { verbatim } from "@/components/ui/verbatim";

/** The empty state of a GPU that never reported: what would make it report, rather than empty charts. */
export function NoTelemetry({ hostname }: { hostname: string }) {
  const t = useTranslations("gpus.noTelemetry");
  return (
    <div
      className="rounded-md border border-dashed border-slate-700 px-4 py-5 text-[13px] text-slate-400"
      data-testid="gpu-no-telemetry"
    >
      <p className="font-medium text-slate-200">{t("title")}</p>
      <p className="mt-1 max-w-2xl">
        {t.rich("body", {
          hostname,
          code: verbatim,
          metrics: "/metrics",
          push: "POST /api/v1/telemetry/dcgm",
          hostLabel: "Hostname",
          gpuLabel: "gpu",
        })}
      </p>
      <Link href="/telemetry" className="mt-2 inline-block text-emerald-300 hover:underline">
        {t("setUp")}
      </Link>
    </div>
  );
}
