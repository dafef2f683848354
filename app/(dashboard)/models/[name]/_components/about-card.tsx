import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { ModelOut } from "@/lib/models/outputs";
import { DescriptionForm } from "../../_components/description-form";

/** What the model is for and its tags; operators edit them in place. */
export function AboutCard({ model, canWrite }: { model: ModelOut; canWrite: boolean }) {
  const t = useTranslations("models.about");
  return (
    <Card title={t("title")} description={t("description")}>
      <div className="space-y-3">
        <p className="text-sm text-slate-200" data-testid="model-description">
          {model.description === null ? (
            <span className="text-slate-500">{t("noDescription")}</span>
          ) : (
            <span data-stored-text>{model.description}</span>
          )}
        </p>
        <p className="flex flex-wrap gap-1" data-testid="model-tags">
          {model.tags.length === 0 ? (
            <span className="text-xs text-slate-500">{t("noTags")}</span>
          ) : (
            model.tags.map((tag) => (
              <span
                key={tag}
                className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[11px] text-slate-300"
                data-stored-text
              >
                {tag}
              </span>
            ))
          )}
        </p>
        {canWrite && (
          <details className="border-t border-slate-800 pt-3">
            <summary className="cursor-pointer text-xs text-slate-400 hover:text-slate-200">{t("edit")}</summary>
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
