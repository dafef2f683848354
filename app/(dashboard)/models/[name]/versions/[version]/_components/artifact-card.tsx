import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/ui/form-controls";
import { formatBytes } from "@/components/ui/model-figures";
import { artifactHref } from "@/components/ui/model-links";
import { asLocale } from "@/lib/i18n/locales";
import type { ModelVersionOut } from "@/lib/models/outputs";
import { ScrollArea } from "@/components/ui/scroll-area";

/** This server's origin as the reader reached it, so the snippet can be pasted as is. */
async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}

/**
 * The artifact: its hash (checked by the API on every read), the files stock
 * TF.js loads, and the one line that loads it.
 */
export async function ArtifactFacts({ version }: { version: ModelVersionOut }) {
  const url = `${await origin()}${artifactHref(version.name, version.version)}`;
  const [t, locale] = await Promise.all([getTranslations("models.version.artifact"), getLocale().then(asLocale)]);
  const snippet = `const model = await tf.loadLayersModel("${url}", { requestInit: { headers: { authorization: "Bearer <API token>" } } });`;
  return (
    <div className="space-y-3 text-[13px]">
      <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-400">{t("sha256")}</dt>
        <dd className="break-all font-mono text-[12px] text-slate-100" data-testid="artifact-sha256">
          {version.artifact.sha256}
        </dd>
        <dt className="text-slate-400">{t("format")}</dt>
        <dd className="text-slate-200">
          {t("formatValue", { format: "TF.js Layers", size: formatBytes(version.artifact.weightsBytes, locale) })}
        </dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        {(["model.json", "weights.bin", "signature.json"] as const).map((file) => (
          <DownloadLink key={file} href={artifactHref(version.name, version.version, file)}>
            {/* File names and the code below are code, the same in every language: marked so the scan skips them. */}
            <span data-stored-text>{file}</span>
          </DownloadLink>
        ))}
      </div>
      <div>
        <p className="mb-1 text-xs text-slate-400">{t("loadHint", { tfjs: "TF.js", file: "signature.json" })}</p>
        <ScrollArea
          as="pre"
          label={t("snippetLabel")}
          className="overflow-x-auto rounded-md border border-slate-800 bg-slate-950/60 p-2 font-mono text-[11px] text-slate-200"
          testId="artifact-snippet"
        >
          <span data-stored-text>{snippet}</span>
        </ScrollArea>
      </div>
    </div>
  );
}
