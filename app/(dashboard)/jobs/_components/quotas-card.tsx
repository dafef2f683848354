import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { verbatim } from "@/components/ui/verbatim";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { QuotaOut } from "@/lib/jobs/schemas";

/** Team quotas with current use; set them with PUT /api/v1/quotas/{team}. */
export function QuotasCard({ quotas }: { quotas: QuotaOut[] }) {
  const t = useTranslations("jobs.quotas");
  return (
    <Card
      title={t("title")}
      description={t.rich("description", { call: "PUT /api/v1/quotas/{team}", code: verbatim })}
      isFlush
    >
      <Table label={t("title")}>
        <THead>
          <Th>{t("team")}</Th>
          <Th isNumeric>{t("inUse")}</Th>
          <Th isNumeric>{t("quota")}</Th>
        </THead>
        <TBody>
          {quotas.length === 0 && <EmptyRow colSpan={3}>{t("empty")}</EmptyRow>}
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
