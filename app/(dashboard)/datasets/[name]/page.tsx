import type { Metadata } from "next";
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
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

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
  if (!query.ok) {
    return (
      <Notice tone="error" title="This version cannot be shown">
        {query.message}
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
        eyebrow="Machine learning · Datasets"
        title={dataset.name}
        description={
          <>
            Version {dataset.version}: {formatNumber(dataset.rows, untranslatedLocale, 3)} rows,{" "}
            {dataset.columns.length} columns, uploaded by <span className="font-mono">{dataset.createdBy}</span> at{" "}
            <UtcTime iso={dataset.createdAt} />.
          </>
        }
        actions={
          <ButtonLink href={hrefWith("/audit", { target: `dataset:${dataset.name}` })} variant="ghost">
            History
          </ButtonLink>
        }
      />
      <div className="space-y-4">
        <VersionPicker name={dataset.name} versions={versions.items} current={dataset.version} />
        <ZeroSuspectsNotice dataset={dataset} canReclean={can(principal.role, "datasets.write")} />
        {warnings.length > 0 && (
          <Notice tone="warn" title="Worth a second look">
            <ul className="list-disc space-y-0.5 pl-4" data-testid="cleaning-warnings">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Notice>
        )}
        <CleaningStats dataset={dataset} />
        <div className="grid items-start gap-4 xl:grid-cols-3">
          <Card
            title="Cleaning report"
            description="The whole uploaded dataset, as an operator reviews it."
            className="xl:col-span-2"
          >
            <CleaningFacts dataset={dataset} />
          </Card>
          <Card title="Class balance" description="Rows per label after cleaning; splits keep these shares.">
            <ClassBalance
              classes={dataset.classes}
              target={dataset.cleaning.columns.find((c) => c.role === "target")?.name ?? ""}
            />
          </Card>
        </div>
        <Card
          title="Columns"
          description="Missing counts are over the rows as uploaded; statistics over the observed values of the kept rows. Imputation values are the whole dataset's, for review: each training run refits them on its train split."
          isFlush
        >
          <ColumnsTable
            columns={dataset.cleaning.columns}
            missingStrategy={dataset.cleaning.missingStrategy}
            zeroSuspects={dataset.cleaning.zeroSuspects ?? []}
          />
        </Card>
        <Card title="Distributions" description="Observed values per feature, before imputation and scaling.">
          <ColumnHistograms columns={dataset.cleaning.columns} />
        </Card>
        <Card
          title="Models trained on this version"
          description={<span data-testid="trained-models-summary">{trainedModelsSummary(trained)}</span>}
          isFlush
        >
          <TrainedModels trained={trained} />
        </Card>
      </div>
    </>
  );
}
