import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { listQuotas, listTeamNames } from "@/lib/jobs/placement/quotas";
import { adminPrincipal } from "../_components/admin-access";
import { QuotaForm } from "../_components/quota-form";
import { RemoveQuotaButton } from "../_components/remove-quota-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team quotas · Admin" };

export default async function AdminTeamsPage() {
  if (!(await adminPrincipal())) return null;
  const [quotas, teams] = await Promise.all([listQuotas(), listTeamNames()]);
  const unlimited = teams.filter((t) => !quotas.some((q) => q.team === t));
  return (
    <div className="space-y-4">
      <Card
        title="Set a team quota"
        description={`The GPUs a team's placed and running jobs may hold at once; the scheduler keeps further jobs of the team waiting. Lowering a quota stops nothing that runs. ${unlimited.length > 0 ? `Teams without a quota (not limited): ${unlimited.join(", ")}.` : ""}`}
      >
        <QuotaForm teams={teams} />
      </Card>
      <Card title="Team GPU quotas" isFlush>
        <Table label="Team GPU quotas">
          <THead>
            <Th>Team</Th>
            <Th isNumeric>In use</Th>
            <Th>Quota</Th>
            <Th>Last changed (UTC)</Th>
            <Th>Actions</Th>
          </THead>
          <TBody>
            {quotas.length === 0 && <EmptyRow colSpan={5}>No quotas set: no team is limited.</EmptyRow>}
            {quotas.map((q) => (
              <Tr key={q.team} testId="quota-row">
                <Td isMono className="align-top">
                  {q.team}
                </Td>
                <Td isNumeric className="align-top">
                  {q.usedGpus}
                </Td>
                <Td>
                  <QuotaForm team={q.team} maxGpus={q.maxGpus} />
                </Td>
                <Td isMuted className="align-top">
                  <UtcTime iso={q.updatedAt} /> by <span className="font-mono">{q.updatedBy}</span>
                </Td>
                <Td className="align-top">
                  <RemoveQuotaButton team={q.team} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}
