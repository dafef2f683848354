import { Card } from "@/components/ui/card";
import type { ModelOut } from "@/lib/models/outputs";
import { DescriptionForm } from "../../_components/description-form";

/** What the model is for and its tags; operators edit them in place. */
export function AboutCard({ model, canWrite }: { model: ModelOut; canWrite: boolean }) {
  return (
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
                path={`/api/v1/models/${encodeURIComponent(model.name)}`}
                description={model.description}
                tags={model.tags}
              />
            </div>
          </details>
        )}
      </div>
    </Card>
  );
}
