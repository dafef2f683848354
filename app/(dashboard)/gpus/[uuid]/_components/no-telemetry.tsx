import Link from "next/link";

/** The empty state of a GPU that never reported: what would make it report, rather than empty charts. */
export function NoTelemetry({ hostname }: { hostname: string }) {
  return (
    <div
      className="rounded-md border border-dashed border-slate-700 px-4 py-5 text-[13px] text-slate-400"
      data-testid="gpu-no-telemetry"
    >
      <p className="font-medium text-slate-200">No telemetry from this GPU yet</p>
      <p className="mt-1 max-w-2xl">
        Charts appear once dcgm-exporter data for it arrives: add {hostname}&apos;s exporter (port 9400 by default) as a
        scrape target, or push its <span className="font-mono">/metrics</span> page to{" "}
        <span className="font-mono">POST /api/v1/telemetry/dcgm</span>. The GPU is matched by its UUID label, else by
        Hostname and gpu index.
      </p>
      <Link href="/telemetry" className="mt-2 inline-block text-emerald-300 hover:underline">
        Set up telemetry →
      </Link>
    </div>
  );
}
