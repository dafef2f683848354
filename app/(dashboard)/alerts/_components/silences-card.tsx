import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { formatMatchers } from "@/lib/alerts/labels";
import type { SilenceOut } from "@/lib/alerts/outputs";
import { ExpireSilenceButton } from "./expire-silence-button";

/** Silences in force or to come, each with its matchers, reason and end; operators end them early. */
export function SilencesCard({ silences: current, mayWrite }: { silences: SilenceOut[]; mayWrite: boolean }) {
  const t = useTranslations("alerts.silences");
  return (
    <Card title={t("title")} isFlush className="mb-4">
      <Table label={t("title")}>
        <THead>
          <Th>{t("matchers")}</Th>
          <Th>{t("why")}</Th>
          <Th>{t("by")}</Th>
          <Th>{t("state")}</Th>
          <Th>{t("until")}</Th>
          {mayWrite && <Th>{t("action")}</Th>}
        </THead>
        <TBody>
          {current.length === 0 && <EmptyRow colSpan={mayWrite ? 6 : 5}>{t("empty")}</EmptyRow>}
          {current.map((s) => (
            <Tr key={s.id} testId="silence-row">
              <Td isMono>
                <span data-stored-text>{formatMatchers(s.matchers)}</span>
              </Td>
              <Td>
                <span data-stored-text>{s.comment}</span>
              </Td>
              <Td isMuted>{s.createdBy}</Td>
              <Td>
                <Badge tone={s.state === "active" ? "info" : "neutral"}>{t(`states.${s.state}`)}</Badge>
              </Td>
              <Td isMuted>
                <UtcTime iso={s.endsAt} />
              </Td>
              {mayWrite && (
                <Td>
                  <ExpireSilenceButton id={s.id} />
                </Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
