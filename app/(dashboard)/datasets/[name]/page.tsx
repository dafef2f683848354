import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { UtcTime } from "@/components/ui/utc-time";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { getDatasetVersion, listDatasetVersions } from "@/lib/datasets/datasets";
import type { DatasetVersionOut } from "@/lib/datasets/dataset-views";
import { DatasetVersionQuery } from "@/lib/datasets/schemas";
import { describeZeroSuspects } from "@/lib/datasets/zero-suspects";
import { parsePageQuery, type SearchParams } from "@/lib/http/page-query";
import { listVersionsTrainedOn } from "@/lib/models/versions";
import { orNotFound } from "../../_components/expected-errors";
import { ClassBalance } from "./_components/class-balance";
import { CleaningFacts, CleaningStats } from "./_components/cleaning-summary";
import { ColumnHistograms } from "./_components/column-histograms";
import { ColumnsTable } from "./_components/columns-table";
import { TrainedModels, trainedModelsSummary } from "./_components/trained-models";
import { VersionPicker } from "./_components/version-picker";
import { ZeroSuspectsNotice } from "./_components/zero-suspects-notice";

const mono = (chunks: React.ReactNode) => <span className="font-mono">{chunks}</span>;

export const dynamic = "force-dynamic";

type Params = { name: string };

// Dataset names never need escaping, but a hand-typed URL may still carry %40 for `@` or a broken escape.
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: decodeName((await params).name) };
}

/** The version, or the not-found page when the name or version does not exist (a malformed ref cannot exist either). */
function loadVersion(name: string, version: number | undefined): Promise<DatasetVersionOut> {
  return orNotFound(getDatasetVersion(version === undefined ? name : `${name}@${version}`), [
    "not_found",
    "unprocessable_entity",
  ]);
}

export default async function DatasetVersionPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  const principal = await requirePagePrincipal();
  const name = decodeName((await params).name);
  const query = parsePageQuery(DatasetVersionQuery, await searchParams);
  const t = await getTranslations("datasets.version");
  if (!query.ok) {
    return (
      <Notice tone="error" title={t("cannotShow")}>
        {/* The refusal is the query schema's own message. */}
        <span data-stored-text>{query.message}</span>
      </Notice>
    );
  }
  const dataset = await loadVersion(name, query.query.version);
  const [versions, trained] = await Promise.all([
    listDatasetVersions(dataset.name, { limit: 100 }),
    listVersionsTrainedOn(dataset.name, dataset.version),
  ]);
  // The zero-suspects notice says its warning in full, with the offer to act on it.
  const zeroWarning = describeZeroSuspects(dataset.cleaning.zeroSuspects ?? []);
  const warnings = dataset.cleaning.warnings.filter((w) => w !== zeroWarning);

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={dataset.name}
        description={t.rich("description", {
          version: dataset.version,
          rows: dataset.rows,
          columns: dataset.columns.length,
          by: dataset.createdBy,
          mono,
          time: () => <UtcTime iso={dataset.createdAt} />,
        })}
        actions={
          <ButtonLink href={hrefWith("/audit", { target: `dataset:${dataset.name}` })} variant="ghost">
            {t("history")}
          </ButtonLink>
        }
      />
      <div className="space-y-4">
        <VersionPicker name={dataset.name} versions={versions.items} current={dataset.version} />
        <ZeroSuspectsNotice dataset={dataset} canReclean={can(principal.role, "datasets.write")} />
        {warnings.length > 0 && (
          <Notice tone="warn" title={t("worthALook")}>
            {/* The cleaner's warnings are stored with the version, in the words it wrote them in. */}
            <ul className="list-disc space-y-0.5 pl-4" data-testid="cleaning-warnings" data-stored-text>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Notice>
        )}
        <CleaningStats dataset={dataset} />
        <div className="grid items-start gap-4 xl:grid-cols-3">
          <Card title={t("cleaningReport")} description={t("cleaningReportDescription")} className="xl:col-span-2">
            <CleaningFacts dataset={dataset} />
          </Card>
          <Card title={t("classBalance")} description={t("classBalanceDescription")}>
            <ClassBalance
              classes={dataset.classes}
              target={dataset.cleaning.columns.find((c) => c.role === "target")?.name ?? ""}
            />
          </Card>
        </div>
        <Card title={t("columns")} description={t("columnsDescription")} isFlush>
          <ColumnsTable
            columns={dataset.cleaning.columns}
            missingStrategy={dataset.cleaning.missingStrategy}
            zeroSuspects={dataset.cleaning.zeroSuspects ?? []}
          />
        </Card>
        <Card title={t("distributions")} description={t("distributionsDescription")}>
          <ColumnHistograms columns={dataset.cleaning.columns} />
        </Card>
        <Card
          title={t("trainedModels")}
          description={<span data-testid="trained-models-summary">{trainedModelsSummary(trained)}</span>}
          isFlush
        >
          <TrainedModels trained={trained} />
        </Card>
      </div>
    </>
  );
}
