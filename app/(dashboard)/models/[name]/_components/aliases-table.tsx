import Link from "next/link";
import { useTranslations } from "next-intl";
import { AliasBadge } from "@/components/ui/alias-badges";
import { versionTag } from "@/components/ui/model-figures";
import { versionHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { AliasOut } from "@/lib/models/outputs";

/** Where each alias points now, who moved it there and when. */
export function AliasesTable({ name, aliases }: { name: string; aliases: AliasOut[] }) {
  const t = useTranslations("models.aliases");
  return (
    <Table label={t("table")}>
      <THead>
        <Th>{t("col.alias")}</Th>
        <Th>{t("col.pointsAt")}</Th>
        <Th>{t("col.movesNeed")}</Th>
        <Th>{t("col.movedBy")}</Th>
        <Th>{t("col.movedAt")}</Th>
      </THead>
      <TBody>
        {aliases.length === 0 && <EmptyRow colSpan={5}>{t("empty")}</EmptyRow>}
        {aliases.map((a) => (
          <Tr key={a.alias} testId="alias-row">
            <Td>
              <AliasBadge alias={a} />
            </Td>
            <Td isMono>
              <Link
                href={versionHref(name, a.version)}
                className="text-sky-300 hover:underline"
                data-testid="alias-target"
              >
                {versionTag(a.version)}
              </Link>
            </Td>
            <Td isMuted className="text-[12px]">
              {a.isProtected ? (a.requiresApproval ? t("needsAdminApproval") : t("needsAdmin")) : t("needsOperator")}
            </Td>
            <Td isMono isMuted>
              <span data-stored-text>{a.movedBy}</span>
            </Td>
            <Td isMuted>
              <UtcTime iso={a.movedAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
