import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { splitPhrase } from "@/components/ui/model-figures";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { UtcTime } from "@/components/ui/utc-time";
import { VersionMetricsChart } from "@/components/charts/version-metrics-chart";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/principal";
import type { SearchParams } from "@/lib/http/page-query";
import { aliasAt, listAliasMoves, listLedgerAliases } from "@/lib/models/alias-ledger";
import { metricSeries } from "@/lib/models/compare";
import { getModel } from "@/lib/models/models";
import { listPromotions } from "@/lib/models/promotions";
import { ModelName } from "@/lib/models/schemas";
import { orNotFound } from "../../_components/expected-errors";
import { DescriptionForm } from "../_components/description-form";
import { decodeName } from "../_components/route-params";
import { AliasAtLookup, AliasLedger, AliasPicker, type AliasLookup } from "./_components/alias-history";
import { AliasPolicies } from "./_components/alias-policies";
import { AliasesTable } from "./_components/aliases-table";
import { MetricTable } from "./_components/metric-table";
import { parseModelPageQuery } from "./_components/model-query";
import { MoveAliasForm } from "./_components/move-alias-form";
import { PromotionsList } from "./_components/promotions-list";
import { VersionsCard } from "./_components/versions-card";

export const dynamic = "force-dynamic";

type Params = { name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: decodeName((await params).name) };
}

/** The aliases whose history can be shown: those in use and those the ledger knows (removed ones too). */
function historyAliases(current: string[], ledger: string[]): string[] {
  return [...new Set([...current, ...ledger])].sort();
}

export default async function ModelPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  const principal = await requirePagePrincipal();
  const name = decodeName((await params).name);
  if (!ModelName.safeParse(name).success) notFound();
  const query = parseModelPageQuery(await searchParams);
  const model = await orNotFound(getModel(name));
  const [series, ledger, promotions] = await Promise.all([
    metricSeries(name),
    listLedgerAliases(name),
    listPromotions(name),
  ]);
  const aliases = historyAliases(
    model.aliases.map((a) => a.alias),
    ledger,
  );
  const shown = query.alias ?? (aliases.includes("production") ? "production" : aliases[0]);
  const [moves, lookedUp] = await Promise.all([
    shown ? listAliasMoves(name, shown, { limit: 50 }) : null,
    shown && query.at && "instant" in query.at ? aliasAt(name, shown, query.at.instant) : null,
  ]);
  const lookup: AliasLookup =
    query.at === null
      ? null
      : "error" in query.at
        ? query.at
        : lookedUp
          ? { typed: query.at.typed, result: lookedUp }
          : null;
  const canWrite = can(principal.role, "models.write");
  const canPromote = can(principal.role, "models.promote");
  const archivedMode = query.versions.ok ? query.versions.query.archived : "exclude";
  const points = series
    .filter((p) => archivedMode === "include" || (archivedMode === "only") === p.archived)
    .map((p) => ({ ...p, on: splitPhrase(p.split) }));
  // Pending requests first (what needs someone), then the latest decided ones.
  const shownPromotions = [
    ...promotions.filter((p) => p.status === "pending"),
    ...promotions.filter((p) => p.status !== "pending").slice(0, 5),
  ];

  return (
    <>
      <PageHeader
        eyebrow="Machine learning · Models"
        title={model.name}
        description={
          <>
            {model.versions} version{model.versions === 1 ? "" : "s"}
            {model.archivedVersions > 0 && ` (and ${model.archivedVersions} archived)`}; registered by{" "}
            <span className="font-mono">{model.createdBy}</span> at <UtcTime iso={model.createdAt} />.
          </>
        }
        actions={
          <ButtonLink href={hrefWith("/audit", { target: `model:${model.name}` })} variant="ghost">
            History
          </ButtonLink>
        }
      />
      <div className="space-y-4">
        <div className="grid items-start gap-4 xl:grid-cols-3">
          <Card title="About" description="What the model is for, and tags to find it by.">
            <div className="space-y-3">
              <p className="text-sm text-slate-200" data-testid="model-description">
                {model.description ?? <span className="text-slate-500">No description yet.</span>}
              </p>
              <p className="flex flex-wrap gap-1" data-testid="model-tags">
                {model.tags.length === 0 ? (
                  <span className="text-xs text-slate-500">No tags.</span>
                ) : (
                  model.tags.map((t) => (
                    <span key={t} className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[11px] text-slate-300">
                      {t}
                    </span>
                  ))
                )}
              </p>
              {canWrite && (
                <details className="border-t border-slate-800 pt-3">
                  <summary className="cursor-pointer text-xs text-slate-400 hover:text-slate-200">
                    Edit the description and tags
                  </summary>
                  <div className="mt-3">
                    <DescriptionForm
                      kind="model"
                      path={`/api/v1/models/${encodeURIComponent(name)}`}
                      description={model.description}
                      tags={model.tags}
                    />
                  </div>
                </details>
              )}
            </div>
          </Card>
          <Card
            title="Aliases"
            description="Each alias points at one version; deployments that follow an alias pick up a move."
            className="xl:col-span-2"
            isFlush
          >
            <AliasesTable name={name} aliases={model.aliases} />
          </Card>
        </div>
        {canWrite && (
          <Card
            title="Promote a version"
            description={
              canPromote
                ? "Point an alias at a version. Protected aliases (production) need a note; one that requires approval waits for another admin."
                : "Point an unprotected alias (staging, canary…) at a version. Protected aliases such as production need an admin."
            }
          >
            <MoveAliasForm
              name={name}
              role={principal.role}
              canPromote={canPromote}
              aliases={model.policies.map((p) => ({
                alias: p.alias,
                isProtected: p.isProtected,
                requiresApproval: p.requiresApproval,
                version: model.aliases.find((a) => a.alias === p.alias)?.version ?? null,
              }))}
              versions={series
                .filter((p) => !p.archived)
                .reverse()
                .map((p) => ({
                  version: p.version,
                  label: `v${p.version}${p.verdict ? ` · ${p.verdict.replaceAll("_", " ")}` : ""}`,
                }))}
            />
          </Card>
        )}
        {shownPromotions.length > 0 && (
          <Card
            title="Promotion requests"
            description="Moves of aliases that require a second admin: another admin approves or rejects; the requester may withdraw."
          >
            <PromotionsList
              name={name}
              promotions={shownPromotions}
              actor={actorOf(principal)}
              canDecide={canPromote}
            />
          </Card>
        )}
        <Card
          title="Figures over versions"
          description="Accuracy and F1 of each version on the rows it was evaluated on (they may differ between versions: see the table), and the energy of its run."
        >
          <VersionMetricsChart points={points} testId="version-metrics-chart" />
          <details className="mt-3">
            <summary className="cursor-pointer text-xs text-slate-400 hover:text-slate-200">
              The same figures as a table
            </summary>
            <div className="mt-2">
              <MetricTable name={name} points={points} />
            </div>
          </details>
        </Card>
        <VersionsCard name={name} query={query.versions} />
        <Card
          title={<span id="alias-history">Alias history</span>}
          description="The ledger: every move of an alias, who made it, why, and who approved it. Append-only."
        >
          {shown && moves ? (
            <div className="space-y-4">
              <AliasPicker name={name} aliases={aliases} current={shown} />
              <div className="-mx-4 border-y border-slate-800">
                <AliasLedger name={name} moves={moves.items} />
              </div>
              {moves.nextCursor && (
                <p className="text-xs text-slate-500">
                  The 50 latest moves; the whole ledger:{" "}
                  <span className="font-mono">
                    GET /api/v1/models/{name}/aliases/{shown}/history
                  </span>
                </p>
              )}
              <AliasAtLookup name={name} aliases={aliases} alias={shown} lookup={lookup} />
            </div>
          ) : (
            <p className="text-sm text-slate-400">No alias of this model has been moved yet.</p>
          )}
        </Card>
        <Card
          title="Alias policies"
          description="A protected alias needs an admin and a note to move; one that requires approval also waits for a second admin."
          isFlush
        >
          <AliasPolicies name={name} policies={model.policies} canSet={canPromote} />
        </Card>
      </div>
    </>
  );
}
