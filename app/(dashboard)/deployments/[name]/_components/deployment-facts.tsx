import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { serverHref } from "@/components/ui/inventory-links";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { UtcTime } from "@/components/ui/utc-time";
import type { DeploymentDetailOut } from "@/lib/deployments/outputs";
import { DeploymentStatusBadge } from "../../_components/deployment-badges";
import { formatShare, trafficSplit, versionTag } from "../../_components/deployment-format";
import { useFormatWords } from "../../_components/format-words";

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
  const t = useTranslations("deployments.facts");
  const words = useFormatWords();
  const version = (v: number) => (
    <Link href={versionHref(d.model, v)} className="font-mono text-sky-300 hover:underline">
      {d.model} {versionTag(v)}
    </Link>
  );
  return (
    <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Fact label={t("status")} testId="fact-status">
        <DeploymentStatusBadge status={d.status} />
        {d.status === "stopped" && <span className="ml-1 text-[12px] text-slate-400">{t("refused")}</span>}
      </Fact>
      <Fact label={t("stable")} testId="fact-stable">
        {version(d.stable.version)}
        {d.approved.version !== d.stable.version && (
          <span className="block text-[12px] text-slate-400">{t("approved", { version: d.approved.version })}</span>
        )}
      </Fact>
      <Fact label={t("canary")} testId="fact-canary">
        {d.canary ? (
          t.rich("canaryAt", {
            version: () => version(d.canary!.version),
            share: formatShare(d.canary.weight, words.locale),
          })
        ) : (
          <span className="text-slate-400">{t("none")}</span>
        )}
      </Fact>
      <Fact label={t("follows")} testId="fact-alias">
        {d.alias ? (
          <Link href={modelHref(d.model)} className="font-mono text-sky-300 hover:underline">
            {d.model}@{d.alias}
          </Link>
        ) : (
          <span className="text-slate-400">{t("noAlias")}</span>
        )}
      </Fact>
      <Fact label={t("split")} testId="fact-split">
        {trafficSplit(d, words)}
      </Fact>
      <Fact label={t("servers")} testId="fact-servers">
        {d.servers.length === 0 ? (
          <span className="text-slate-400">{t("noServers")}</span>
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
      <Fact label={t("created")} testId="fact-created">
        <span className="font-mono text-[12px]">{d.createdBy}</span>, <UtcTime iso={d.createdAt} />
      </Fact>
      <Fact label={t("revision")} testId="fact-revision">
        <span className="font-mono">{d.revision}</span>
        <span className="ml-1 text-[12px] text-slate-500">{t("revisionNote")}</span>
      </Fact>
    </dl>
  );
}
