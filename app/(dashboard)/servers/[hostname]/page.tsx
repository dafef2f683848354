import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { rackHref } from "@/components/ui/inventory-links";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { ServerStatusBadge } from "@/components/ui/server-status-badge";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { listGpus } from "@/lib/inventory/gpus";
import { getServerDetail, type ServerDetail } from "@/lib/inventory/server-detail";
import type { LatestReadings } from "@/lib/telemetry/latest";
import { GpusTable } from "./_components/gpus-table";
import { ServerFacts } from "./_components/server-facts";
import { ServerStatusControl } from "./_components/server-status-control";

export const dynamic = "force-dynamic";

type Params = { hostname: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await params).hostname };
}

function gpuSummary(server: ServerDetail): string {
  const unhealthy = server.gpus.filter((g) => g.health !== "healthy").length;
  const models = [...new Set(server.gpus.map((g) => g.model))];
  const count = `${server.gpus.length} GPU${server.gpus.length === 1 ? "" : "s"}${models.length > 0 ? ` (${models.join(", ")})` : ""}`;
  return unhealthy === 0 ? `${count}, all healthy.` : `${count}, ${unhealthy} not healthy: the reason is the last health check's.`;
}

/** Latest telemetry of the server's GPUs by UUID (the GPU list API's readings, so both always agree). */
async function listLatestReadings(hostname: string): Promise<Map<string, LatestReadings>> {
  const { items } = await listGpus({ hostname, limit: 1000 });
  return new Map(items.map((g) => [g.uuid, { utilPct: g.utilPct, memUsedMiB: g.memUsedMiB, tempC: g.tempC, powerW: g.powerW, xid: g.xid, at: g.readingsAt }]));
}

function readingsSummary(readings: Map<string, LatestReadings>): string {
  const times = [...readings.values()].flatMap((r) => (r.at ? [r.at] : []));
  if (times.length === 0) return " No telemetry yet.";
  return ` Latest readings up to ${times.sort().at(-1)!.replace(/\.\d{3}Z$/, "Z")}.`;
}

export default async function ServerPage({ params }: { params: Promise<Params> }) {
  const principal = await requirePagePrincipal();
  const server = await getServerDetail((await params).hostname);
  if (!server) notFound();
  const readings = await listLatestReadings(server.hostname);
  const canWrite = can(principal.role, "inventory.write");

  return (
    <>
      <PageHeader
        eyebrow={`Infrastructure · ${server.site} · ${server.rack}`}
        title={server.hostname}
        description={server.model ?? undefined}
        actions={
          <>
            <span data-testid="server-status" className="mr-2">
              <ServerStatusBadge status={server.status} />
            </span>
            <ButtonLink href={rackHref(server.site, server.rack, server.hostname)}>Show in rack</ButtonLink>
            <ButtonLink href={hrefWith("/audit", { target: `server:${server.hostname}` })} variant="ghost">
              History
            </ButtonLink>
          </>
        }
      />
      <div className="grid items-start gap-4 xl:grid-cols-3">
        <Card title="Placement" className="xl:col-span-2">
          <ServerFacts server={server} />
        </Card>
        {canWrite ? (
          <Card title="Status" description="Changes are recorded in the audit log under your name.">
            <ServerStatusControl hostname={server.hostname} status={server.status} />
          </Card>
        ) : (
          <Card title="Status">
            <p className="text-[13px] text-slate-400">
              Changing a server&apos;s status needs the operator role; you are signed in as {principal.role}.
            </p>
          </Card>
        )}
      </div>
      <Card title="GPUs" description={gpuSummary(server) + readingsSummary(readings)} isFlush className="mt-4">
        <GpusTable gpus={server.gpus} readings={readings} />
      </Card>
    </>
  );
}
