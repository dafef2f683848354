import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { listQuotas, listTeamNames } from "@/lib/jobs/placement/quotas";
import { adminPrincipal } from "../_components/admin-access";
import { adminMetadata } from "../_components/admin-metadata";
import { QuotaForm } from "../_components/quota-form";
import { RemoveQuotaButton } from "../_components/remove-quota-button";

export const dynamic = "force-dynamic";
export function generateMetadata(): Promise<Metadata> {
  return adminMetadata("teams");
}

export default async function AdminTeamsPage() {
  if (!(await adminPrincipal())) return null;
  const [quotas, teams] = await Promise.all([listQuotas(), listTeamNames()]);
  const unlimited = teams.filter((team) => !quotas.some((q) => q.team === team));
  const [t, at] = await Promise.all([getTranslations("admin.teams"), getTranslations("admin")]);
  const description = t("setDescription");
  return (
    <div className="space-y-4">
      <Card
        title={t("setTitle")}
        description={
          unlimited.length > 0 ? `${description} ${t("unlimited", { teams: unlimited.join(", ") })}` : description
        }
      >
        <QuotaForm teams={teams} />
      </Card>
      <Card title={t("tableTitle")} isFlush>
        <Table label={t("tableTitle")}>
          <THead>
            <Th>{t("team")}</Th>
            <Th isNumeric>{t("inUse")}</Th>
            <Th>{t("quota")}</Th>
            <Th>{t("lastChanged")}</Th>
            <Th>{at("common.actions")}</Th>
          </THead>
          <TBody>
            {quotas.length === 0 && <EmptyRow colSpan={5}>{t("empty")}</EmptyRow>}
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
                  {t.rich("changedBy", {
                    at: q.updatedAt,
                    time: () => <UtcTime iso={q.updatedAt} />,
                    actor: q.updatedBy,
                    who: (chunks) => (
                      <span className="font-mono" translate="no">
                        {chunks}
                      </span>
                    ),
                  })}
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
