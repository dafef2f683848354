import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/form-controls";
import { versionTag } from "@/components/ui/model-figures";
import { compareHref, modelHref } from "@/components/ui/model-links";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { flattenSearchParams, type SearchParams } from "@/lib/http/page-query";
import { compareVersions } from "@/lib/models/compare";
import { getModel } from "@/lib/models/models";
import { CompareQuery, ModelName } from "@/lib/models/schemas";
import { catchExpected, orNotFound } from "../../../_components/expected-errors";
import { decodeName } from "../../_components/route-params";
import { Comparison } from "./_components/comparison";

export const dynamic = "force-dynamic";

type Params = { name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const t = await getTranslations("models.compare");
  return { title: t("metaTitle", { name: decodeName((await params).name) }) };
}

/**
 * The versions picked on the model page arrive as `?v=3&v=4` (a GET form of
 * checkboxes); the page's own address is `?versions=3,4`, as the API takes it,
 * oldest first so the deltas read as "since".
 */
function canonicalFromForm(name: string, raw: SearchParams): string | null {
  if (raw.versions !== undefined || raw.v === undefined) return null;
  const picked = (Array.isArray(raw.v) ? raw.v : [raw.v]).map(Number);
  if (picked.some((v) => !Number.isInteger(v) || v < 1)) return null;
  return compareHref(
    name,
    [...new Set(picked)].sort((a, b) => a - b),
  );
}

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  await requirePagePrincipal();
  const name = decodeName((await params).name);
  if (!ModelName.safeParse(name).success) notFound();
  const raw = await searchParams;
  const canonical = canonicalFromForm(name, raw);
  if (canonical) redirect(canonical);
  await orNotFound(getModel(name));
  const parsed = CompareQuery.safeParse({ versions: flattenSearchParams(raw).versions ?? "" });
  const t = await getTranslations("models.compare");
  const compared = parsed.success
    ? await catchExpected(compareVersions(name, parsed.data.versions), ["not_found"], (err) => err.message)
    : (parsed.error.issues[0]?.message ?? t("pickVersions"));

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={
          typeof compared === "string"
            ? t("title", { name })
            : t("titleVersions", { name, versions: compared.versions.map((v) => versionTag(v.version)).join(", ") })
        }
        description={t("description")}
        actions={<ButtonLink href={`${modelHref(name)}#versions`}>{t("allVersions")}</ButtonLink>}
      />
      {typeof compared === "string" ? (
        <Notice tone="error" title={t("cannotCompare")}>
          {/* Why, in the API's (or the query schema's) words. */}
          <span data-stored-text>{compared}</span>.{" "}
          {t.rich("tickHint", {
            link: (chunks) => (
              <Link href={`${modelHref(name)}#versions`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </Notice>
      ) : (
        <Comparison name={name} compared={compared} />
      )}
    </>
  );
}
