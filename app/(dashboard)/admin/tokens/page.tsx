import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { listApiTokens } from "@/lib/auth/tokens";
import { adminPrincipal } from "../_components/admin-access";
import { CreateTokenForm } from "../_components/create-token-form";
import { TokensTable } from "../_components/tokens-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens · Admin" };

export default async function AdminTokensPage() {
  if (!(await adminPrincipal())) return null;
  const tokens = await listApiTokens();
  return (
    <div className="grid gap-4 xl:grid-cols-3">
      <Card title="Create an API token" description="For scripts and CI: send it as Authorization: Bearer <token>.">
        <CreateTokenForm />
      </Card>
      <Card
        title="API tokens"
        description="Only a prefix of each token is kept readable; the rest is stored hashed. Revoking takes effect on the next request."
        isFlush
        className="xl:col-span-2"
      >
        <TokensTable tokens={tokens} />
      </Card>
    </div>
  );
}
