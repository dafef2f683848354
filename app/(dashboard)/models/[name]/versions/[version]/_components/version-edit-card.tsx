import { useTranslations } from "next-intl";
import { AliasBadges } from "@/components/ui/alias-badges";
import { Card } from "@/components/ui/card";
import type { ModelVersionOut } from "@/lib/models/outputs";
import { DescriptionForm } from "../../../../_components/description-form";
import { ArchiveButton } from "./archive-button";

/** The version's tags and aliases; operators edit its description and tags, and archive or restore it. */
export function VersionEditCard({ version, canWrite }: { version: ModelVersionOut; canWrite: boolean }) {
  const t = useTranslations("models");
  return (
    <Card
      title={t("version.edit.title")}
      actions={
        canWrite ? (
          <ArchiveButton name={version.name} version={version.version} isArchived={version.archived} />
        ) : undefined
      }
    >
      <div className="space-y-3">
        <p className="flex flex-wrap items-center gap-1 text-[13px]" data-testid="version-tags">
          <span className="text-slate-400">{t("version.edit.tags")}</span>
          {version.tags.length === 0 ? (
            <span className="text-slate-500">{t("none")}</span>
          ) : (
            version.tags.map((tag) => (
              <span
                key={tag}
                className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[11px] text-slate-300"
                data-stored-text
              >
                {tag}
              </span>
            ))
          )}
          <span className="ml-3 text-slate-400">{t("version.edit.aliases")}</span>
          <AliasBadges aliases={version.aliases} empty={<span className="text-slate-500">{t("none")}</span>} />
        </p>
        {canWrite && (
          <DescriptionForm
            kind="version"
            path={`/api/v1/models/${encodeURIComponent(version.name)}/versions/${version.version}`}
            description={version.description}
            tags={version.tags}
          />
        )}
      </div>
    </Card>
  );
}
