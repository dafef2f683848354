import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { lastChangeOf } from "@/lib/audit/last-change";
import { getFaultSettings } from "@/lib/faults/settings";
import { getTelemetrySettings } from "@/lib/telemetry/settings";
import { adminPrincipal } from "../_components/admin-access";
import { FaultSettingsForm } from "../_components/fault-settings-form";
import { LastChanged } from "../_components/last-changed";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts and faults · Admin" };

const link = "text-emerald-300 hover:underline";

export default async function AdminAlertsPage() {
  if (!(await adminPrincipal())) return null;
  const [faults, telemetry, change] = await Promise.all([
    getFaultSettings(),
    getTelemetrySettings(),
    lastChangeOf("settings:faults"),
  ]);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card
        title="GPU faults"
        description="Whether nodes leave service by themselves after a serious XID, and the circuit breaker that stops a bad rollout from draining the fleet."
      >
        <div className="space-y-3">
          <FaultSettingsForm settings={faults} />
          <LastChanged change={change} />
        </div>
      </Card>
      <Card title="Alert evaluation" description="What the alert evaluator reads, and where each part is set.">
        <ul className="list-disc space-y-2 pl-5 text-[13px] text-slate-300">
          <li>
            Rules — their expressions, thresholds and how long a condition must hold (
            <span className="font-mono">for</span>) before it fires — are edited on{" "}
            <Link href="/alerts" className={link}>
              Alerts
            </Link>{" "}
            by operators; silences there too.
          </li>
          <li>
            Receivers (webhook URLs, grouping, repeat intervals) are set on{" "}
            <Link href="/alerts" className={link}>
              Alerts → Receivers
            </Link>{" "}
            by admins.
          </li>
          <li>
            A GPU without a sample for {telemetry.staleAfterMinutes} minutes is stale: its old readings no longer trip
            threshold rules, and stale-GPU rules fire for it. Change that in{" "}
            <Link href="/admin/telemetry" className={link}>
              Telemetry settings
            </Link>
            .
          </li>
        </ul>
      </Card>
    </div>
  );
}
