import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { RoleBadge } from "@/components/ui/role-badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { TokenOut } from "@/lib/auth/schemas";
import { RevokeTokenButton } from "./revoke-token-button";

export function TokensTable({ tokens }: { tokens: TokenOut[] }) {
  const t = useTranslations("admin.tokens");
  const common = useTranslations("admin.common");
  return (
    <Table label={t("table")}>
      <THead>
        <Th>{common("name")}</Th>
        <Th>{t("prefix")}</Th>
        <Th>{common("role")}</Th>
        <Th>{t("createdBy")}</Th>
        <Th>{common("created")}</Th>
        <Th>{t("lastUsed")}</Th>
        <Th>{common("status")}</Th>
        <Th>
          <span className="sr-only">{common("actions")}</span>
        </Th>
      </THead>
      <TBody>
        {tokens.length === 0 && <EmptyRow colSpan={8}>{t("empty")}</EmptyRow>}
        {tokens.map((token) => (
          <Tr key={token.id} testId="token-row">
            <Td className="font-medium text-slate-50">
              <span data-stored-text>{token.name}</span>
            </Td>
            <Td isMono isMuted>
              {token.prefix}…
            </Td>
            <Td>
              <RoleBadge role={token.role} />
            </Td>
            <Td isMono isMuted>
              {token.createdBy}
            </Td>
            <Td isMuted>
              <UtcTime iso={token.createdAt} />
            </Td>
            <Td isMuted>
              <UtcTime iso={token.lastUsedAt} fallback={t("never")} />
            </Td>
            <Td>
              {token.revokedAt ? (
                <span title={t("revokedAt", { at: token.revokedAt })}>
                  <Badge tone="neutral">{t("revoked")}</Badge>
                </span>
              ) : (
                <Badge tone="good" hasDot>
                  {t("active")}
                </Badge>
              )}
            </Td>
            <Td className="text-right">{!token.revokedAt && <RevokeTokenButton id={token.id} name={token.name} />}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
