import { Badge } from "./badge";
import { Card } from "./card";
import { PageHeader } from "./page-header";

export type PlannedFeature = { title: string; body: string };
export type PlannedEndpoint = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; purpose: string };

/**
 * The page for an area that is specified but not built yet. It says concretely
 * what will be here and which API backs it, so the navigation already shows
 * the whole product and nobody mistakes an empty page for a broken one.
 */
export function ComingSection({
  title,
  eyebrow,
  summary,
  features,
  endpoints,
}: {
  title: string;
  eyebrow: string;
  summary: string;
  features: PlannedFeature[];
  endpoints: PlannedEndpoint[];
}) {
  return (
    <>
      <PageHeader
        eyebrow={eyebrow}
        title={title}
        description={summary}
        actions={
          <Badge tone="accent" hasDot>
            Planned
          </Badge>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="What this page will show" className="lg:col-span-2">
          <ul className="grid gap-3 sm:grid-cols-2">
            {features.map((f) => (
              <li key={f.title} className="rounded-md border border-slate-800 bg-slate-950/40 p-3">
                <h3 className="text-[13px] font-medium text-slate-100">{f.title}</h3>
                <p className="mt-1 text-[13px] leading-5 text-slate-400">{f.body}</p>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="API" description="Endpoints from the public API contract that this page is built on.">
          <ul className="space-y-2.5">
            {endpoints.map((e) => (
              <li key={`${e.method} ${e.path}`}>
                <p className="font-mono text-[12px] text-slate-200">
                  <span className="mr-1.5 text-emerald-400">{e.method}</span>
                  {e.path}
                </p>
                <p className="text-xs text-slate-500">{e.purpose}</p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
