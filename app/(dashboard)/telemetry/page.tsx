import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Telemetry" };

export default function TelemetryPage() {
  return (
    <ComingSection
      eyebrow="Infrastructure"
      title="Telemetry"
      summary="GPU telemetry from NVIDIA dcgm-exporter, pushed to Rackmind or scraped by it, stored per GPU and turned into health."
      features={[
        {
          title: "Push ingest",
          body: "dcgm-exporter's /metrics text POSTed as-is to /api/v1/telemetry/dcgm. GPUs are matched by their UUID label, else by Hostname + gpu index; unknown GPUs are counted in the answer, not silently dropped.",
        },
        {
          title: "Scrape targets",
          body: "Register a dcgm-exporter URL with an interval in seconds; the job worker scrapes it on schedule and shows each target's last success and last error here.",
        },
        {
          title: "Per-GPU charts",
          body: "Utilisation (%), framebuffer memory used (MiB), temperature (°C) and power (W) for any GPU over a chosen range, downsampled to a step that fits the chart.",
        },
        {
          title: "XID/ECC-derived health",
          body: "XID errors and double-bit ECC counts move a GPU to degraded or failed with the reason attached, which then shows on Overview and keeps jobs off that GPU.",
        },
      ]}
      endpoints={[
        { method: "POST", path: "/api/v1/telemetry/dcgm", purpose: "push dcgm-exporter output (text/plain)" },
        { method: "POST", path: "/api/v1/telemetry/targets", purpose: "add a scrape target {url, intervalSeconds}" },
        { method: "GET", path: "/api/v1/gpus", purpose: "GPUs with latest utilisation, memory, temperature, power, XID, health" },
        { method: "GET", path: "/api/v1/gpus/{uuid}/series", purpose: "one DCGM field over time, e.g. DCGM_FI_DEV_GPU_TEMP" },
      ]}
    />
  );
}
