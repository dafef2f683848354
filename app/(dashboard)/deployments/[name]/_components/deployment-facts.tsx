import Link from "next/link";
import type { ReactNode } from "react";
import { serverHref } from "@/components/ui/inventory-links";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { UtcTime } from "@/components/ui/utc-time";
import type { DeploymentDetailOut } from "@/lib/deployments/outputs";
import { DeploymentStatusBadge } from "../../_components/deployment-badges";
import { formatShare, trafficSplit } from "../../_components/deployment-format";

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[10px] font-medium uppercase tracking-wider text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-[13px] text-slate-200" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** What the deployment serves and where: status, versions (linked), alias, split and placement. */
export function DeploymentFacts({ deployment: d }: { deployment: DeploymentDetailOut }) {
  const version = (v: number) => (
    <Link href={versionHref(d.model, v)} className="font-mono text-sky-300 hover:underline">
      {d.model} v{v}
    </Link>
  );
  return (
    <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Fact label="Status" testId="fact-status">
        <DeploymentStatusBadge status={d.status} />
        {d.status === "stopped" && <span className="ml-1 text-[12px] text-slate-400">predictions are refused</span>}
      </Fact>
      <Fact label="Stable version" testId="fact-stable">
        {version(d.stable.version)}
        {d.approved.version !== d.stable.version && (
          <span className="block text-[12px] text-slate-400">approved by a person: v{d.approved.version}</span>
        )}
      </Fact>
      <Fact label="Canary" testId="fact-canary">
        {d.canary ? (
          <>
            {version(d.canary.version)} at {formatShare(d.canary.weight)}
          </>
        ) : (
          <span className="text-slate-400">none</span>
        )}
      </Fact>
      <Fact label="Follows" testId="fact-alias">
        {d.alias ? (
          <Link href={modelHref(d.model)} className="font-mono text-sky-300 hover:underline">
            {d.model}@{d.alias}
          </Link>
        ) : (
          <span className="text-slate-400">no alias: the version is pinned</span>
        )}
      </Fact>
      <Fact label="Traffic split" testId="fact-split">
        {trafficSplit(d)}
      </Fact>
      <Fact label="Placement servers" testId="fact-servers">
        {d.servers.length === 0 ? (
          <span className="text-slate-400">none (energy per prediction and GPU events are not known)</span>
        ) : (
          <span className="flex flex-wrap gap-x-2">
            {d.servers.map((s) => (
              <Link key={s} href={serverHref(s)} className="font-mono text-sky-300 hover:underline">
                {s}
              </Link>
            ))}
          </span>
        )}
      </Fact>
      <Fact label="Created" testId="fact-created">
        <span className="font-mono text-[12px]">{d.createdBy}</span>, <UtcTime iso={d.createdAt} />
      </Fact>
      <Fact label="Revision" testId="fact-revision">
        <span className="font-mono">{d.revision}</span>
        <span className="ml-1 text-[12px] text-slate-500">(serving picks a change up within a second)</span>
      </Fact>
    </dl>
  );
}
