import { useTranslations } from "next-intl";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { LockoutOut } from "@/lib/auth/schemas";
import { UnlockButton } from "./unlock-button";

/** Names and addresses that may not sign in now, including names that are not users (guessing is locked too). */
export function LockoutsTable({ lockouts }: { lockouts: LockoutOut[] }) {
  const t = useTranslations("admin.lockouts");
  const common = useTranslations("admin.common");
  return (
    <Table label={t("table")}>
      <THead>
        <Th>{t("locked")}</Th>
        <Th>{t("kind")}</Th>
        <Th isNumeric>{t("failures")}</Th>
        <Th>{t("until")}</Th>
        <Th>{common("actions")}</Th>
      </THead>
      <TBody>
        {lockouts.length === 0 && <EmptyRow colSpan={5}>{t("empty")}</EmptyRow>}
        {lockouts.map((l) => (
          <Tr key={`${l.kind}:${l.subject}`} testId="lockout-row">
            <Td isMono>{l.subject}</Td>
            <Td isMuted>{l.kind === "user" ? t("user") : t("address")}</Td>
            <Td isNumeric>{l.failures}</Td>
            <Td isMuted>
              {t.rich("left", {
                at: l.lockedUntil,
                minutes: Math.ceil(l.retryAfterSeconds / 60),
                time: () => <UtcTime iso={l.lockedUntil} />,
              })}
            </Td>
            <Td>
              <UnlockButton kind={l.kind} subject={l.subject} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
