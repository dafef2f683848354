import { Badge } from "@/components/ui/badge";
import { RoleBadge } from "@/components/ui/role-badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { TokenOut } from "@/lib/auth/schemas";
import { RevokeTokenButton } from "./revoke-token-button";

export function TokensTable({ tokens }: { tokens: TokenOut[] }) {
  return (
    <Table label="API tokens">
      <THead>
        <Th>Name</Th>
        <Th>Prefix</Th>
        <Th>Role</Th>
        <Th>Created by</Th>
        <Th>Created (UTC)</Th>
        <Th>Last used (UTC)</Th>
        <Th>Status</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {tokens.length === 0 && <EmptyRow colSpan={8}>No API tokens yet. Create one above.</EmptyRow>}
        {tokens.map((t) => (
          <Tr key={t.id} testId="token-row">
            <Td className="font-medium text-slate-50">{t.name}</Td>
            <Td isMono isMuted>
              {t.prefix}…
            </Td>
            <Td>
              <RoleBadge role={t.role} />
            </Td>
            <Td isMono isMuted>
              {t.createdBy}
            </Td>
            <Td isMuted>
              <UtcTime iso={t.createdAt} />
            </Td>
            <Td isMuted>
              <UtcTime iso={t.lastUsedAt} fallback="never" />
            </Td>
            <Td>
              {t.revokedAt ? (
                <span title={`Revoked ${t.revokedAt}`}>
                  <Badge tone="neutral">revoked</Badge>
                </span>
              ) : (
                <Badge tone="good" hasDot>
                  active
                </Badge>
              )}
            </Td>
            <Td className="text-right">{!t.revokedAt && <RevokeTokenButton id={t.id} name={t.name} />}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
