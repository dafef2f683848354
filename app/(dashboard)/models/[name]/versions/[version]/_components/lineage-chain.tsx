import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AliasBadge } from "@/components/ui/alias-badges";
import { versionTag } from "@/components/ui/model-figures";
import { datasetVersionHref } from "@/components/ui/model-links";
import type { ServingDeploymentOut } from "@/lib/deployments/deployments";
import type { ModelVersionOut } from "@/lib/models/outputs";
import { deploymentHref } from "../../../../../deployments/_components/deployment-links";

function Step({
  label,
  children,
  testId,
  isLast = false,
}: {
  label: string;
  children: ReactNode;
  testId: string;
  isLast?: boolean;
}) {
  return (
    <li className="flex min-w-0 items-center gap-2" data-testid={testId}>
      <div className="min-w-0 rounded-md border border-slate-800 bg-slate-950/40 px-3 py-2">
        <p className="text-[10px] font-medium uppercase tracking-wider text-slate-500">{label}</p>
        <div className="text-[13px]">{children}</div>
      </div>
      {!isLast && (
        <span aria-hidden className="text-slate-600">
          →
        </span>
      )}
    </li>
  );
}

/**
 * Where the version came from and where it goes, as links in order: the
 * dataset version, the job that trained it, the version itself, the aliases
 * that point at it, and the deployments that serve it.
 */
export function LineageChain({
  version,
  deployments,
}: {
  version: ModelVersionOut;
  /** The deployments serving this version, as stable or canary. */
  deployments: ServingDeploymentOut[];
}) {
  const t = useTranslations("models.version.lineage");
  const tm = useTranslations("models");
  const { lineage } = version;
  const dataset = lineage.dataset;
  return (
    <ol aria-label={t("label")} className="flex flex-wrap items-center gap-2">
      <Step label={t("dataset")} testId="lineage-dataset">
        {dataset ? (
          <Link
            href={datasetVersionHref(dataset.name, dataset.version)}
            className="font-mono text-sky-300 hover:underline"
          >
            {dataset.name}@{dataset.version}
          </Link>
        ) : (
          <span className="text-slate-400">
            {lineage.externalSource ? t("outsideFrom", { source: lineage.externalSource }) : t("outside")}
          </span>
        )}
      </Step>
      <Step label={t("job")} testId="lineage-job">
        {version.jobId ? (
          <Link href={`/jobs/${version.jobId}`} className="font-mono text-sky-300 hover:underline">
            {version.jobId.slice(0, 8)}
          </Link>
        ) : (
          <span className="text-slate-400">{t("noJob")}</span>
        )}
      </Step>
      <Step label={t("self")} testId="lineage-version">
        <span className="font-mono text-slate-100">
          {version.name} {versionTag(version.version)}
        </span>
      </Step>
      <Step label={t("aliases")} testId="lineage-aliases">
        {version.aliases.length === 0 ? (
          <span className="text-slate-400">{tm("none")}</span>
        ) : (
          <span className="flex flex-wrap gap-1">
            {version.aliases.map((a) => (
              <AliasBadge key={a.alias} alias={a} />
            ))}
          </span>
        )}
      </Step>
      <Step label={t("deployments")} testId="lineage-deployments" isLast>
        {deployments.length === 0 ? (
          <span className="text-slate-400">{t("notDeployed")}</span>
        ) : (
          <span className="flex flex-wrap gap-x-2">
            {deployments.map((d) => (
              <Link key={d.name} href={deploymentHref(d.name)} className="font-mono text-sky-300 hover:underline">
                {d.name}
                <span className="ml-1 font-sans text-[11px] text-slate-400">
                  {t(d.status === "stopped" ? "stopped" : "serving", { role: t(`role.${d.role}`) })}
                </span>
              </Link>
            ))}
          </span>
        )}
      </Step>
    </ol>
  );
}
