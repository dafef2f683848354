import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** A settings page's document title, "Users · Admin", in the reader's language. */
export async function adminMetadata(
  page: "users" | "teams" | "sites" | "telemetry" | "alerts" | "tokens",
): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("metaTitle", { page: t(`${page}.metaTitle`) }) };
}
