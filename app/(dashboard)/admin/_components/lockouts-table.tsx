import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { LockoutOut } from "@/lib/auth/schemas";
import { UnlockButton } from "./unlock-button";

/** Names and addresses that may not sign in now, including names that are not users (guessing is locked too). */
export function LockoutsTable({ lockouts }: { lockouts: LockoutOut[] }) {
  return (
    <Table label="Login locks in force">
      <THead>
        <Th>Locked</Th>
        <Th>Kind</Th>
        <Th isNumeric>Failed attempts</Th>
        <Th>Until (UTC)</Th>
        <Th>Actions</Th>
      </THead>
      <TBody>
        {lockouts.length === 0 && <EmptyRow colSpan={5}>No user name or address is locked out now.</EmptyRow>}
        {lockouts.map((l) => (
          <Tr key={`${l.kind}:${l.subject}`} testId="lockout-row">
            <Td isMono>{l.subject}</Td>
            <Td isMuted>{l.kind === "user" ? "user name" : "client address"}</Td>
            <Td isNumeric>{l.failures}</Td>
            <Td isMuted>
              <UtcTime iso={l.lockedUntil} /> ({Math.ceil(l.retryAfterSeconds / 60)} min left)
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
