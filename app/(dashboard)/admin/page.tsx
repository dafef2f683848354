import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import { listApiTokens } from "@/lib/auth/tokens";
import { listUsers } from "@/lib/auth/users";
import { CreateTokenForm } from "./_components/create-token-form";
import { TokensTable } from "./_components/tokens-table";
import { UsersTable } from "./_components/users-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

const header = (
  <PageHeader
    eyebrow="Governance"
    title="Admin"
    description="People who can sign in, and the API tokens that scripts and CI use. Every change here is written to the audit log."
  />
);

export default async function AdminPage() {
  const { principal, allowed } = await pagePrincipalWith("users.read");
  // A plain message rather than a 403 page: the reader is signed in and should learn why, and whom to ask.
  if (!allowed) {
    return (
      <>
        {header}
        <Notice tone="warn" title="This page needs the admin role">
          You are signed in as <span className="font-mono">{principal.name}</span> with the {principal.role} role. Ask
          an administrator to create API tokens or change users for you.
        </Notice>
      </>
    );
  }
  const [users, tokens] = await Promise.all([listUsers(), listApiTokens()]);
  return (
    <>
      {header}
      <div className="grid gap-4 xl:grid-cols-3">
        <Card title="Create an API token" description="For scripts and CI: send it as Authorization: Bearer <token>.">
          <CreateTokenForm />
        </Card>
        <Card
          title="Users"
          description={`${users.length} ${users.length === 1 ? "person" : "people"} can sign in.`}
          isFlush
          className="xl:col-span-2"
        >
          <UsersTable users={users} />
        </Card>
      </div>
      <Card
        title="API tokens"
        description="Only a prefix of each token is kept readable; the rest is stored hashed. Revoking takes effect on the next request."
        isFlush
        className="mt-4"
      >
        <TokensTable tokens={tokens} />
      </Card>
    </>
  );
}
