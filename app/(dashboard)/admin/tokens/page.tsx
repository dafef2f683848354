import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { listApiTokens } from "@/lib/auth/tokens";
import { adminPrincipal } from "../_components/admin-access";
import { adminMetadata } from "../_components/admin-metadata";
import { CreateTokenForm } from "../_components/create-token-form";
import { TokensTable } from "../_components/tokens-table";

export const dynamic = "force-dynamic";
export function generateMetadata(): Promise<Metadata> {
  return adminMetadata("tokens");
}

export default async function AdminTokensPage() {
  if (!(await adminPrincipal())) return null;
  const [tokens, t] = await Promise.all([listApiTokens(), getTranslations("admin.tokens")]);
  return (
    <div className="grid gap-4 xl:grid-cols-3">
      <Card title={t("createTitle")} description={t("createDescription", { header: "Authorization: Bearer <token>" })}>
        <CreateTokenForm />
      </Card>
      <Card title={t("listTitle")} description={t("listDescription")} isFlush className="xl:col-span-2">
        <TokensTable tokens={tokens} />
      </Card>
    </div>
  );
}
