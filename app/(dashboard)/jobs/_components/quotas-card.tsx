import { Card } from "@/components/ui/card";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { QuotaOut } from "@/lib/jobs/schemas";

/** Team quotas with current use; set them with PUT /api/v1/quotas/{team}. */
export function QuotasCard({ quotas }: { quotas: QuotaOut[] }) {
  return (
    <Card
      title="Team GPU quotas"
      description="GPUs a team's placed and running jobs may hold at once. Teams without a quota are not limited. Set with PUT /api/v1/quotas/{team}."
      isFlush
    >
      <Table label="Team GPU quotas">
        <THead>
          <Th>Team</Th>
          <Th isNumeric>In use</Th>
          <Th isNumeric>Quota</Th>
        </THead>
        <TBody>
          {quotas.length === 0 && <EmptyRow colSpan={3}>No quotas set.</EmptyRow>}
          {quotas.map((q) => (
            <Tr key={q.team}>
              <Td isMono>{q.team}</Td>
              <Td isNumeric className={q.usedGpus >= q.maxGpus ? "text-amber-300" : ""}>
                {q.usedGpus}
              </Td>
              <Td isNumeric>{q.maxGpus}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
