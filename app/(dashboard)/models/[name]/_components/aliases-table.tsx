import Link from "next/link";
import { AliasBadge } from "@/components/ui/alias-badges";
import { versionHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { AliasOut } from "@/lib/models/outputs";

/** Where each alias points now, who moved it there and when. */
export function AliasesTable({ name, aliases }: { name: string; aliases: AliasOut[] }) {
  return (
    <Table label="Aliases">
      <THead>
        <Th>Alias</Th>
        <Th>Points at</Th>
        <Th>Moves need</Th>
        <Th>Moved by</Th>
        <Th>Moved at (UTC)</Th>
      </THead>
      <TBody>
        {aliases.length === 0 && <EmptyRow colSpan={5}>No alias points at a version of this model yet.</EmptyRow>}
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
                v{a.version}
              </Link>
            </Td>
            <Td isMuted className="text-[12px]">
              {a.isProtected
                ? `an admin and a note${a.requiresApproval ? ", then a second admin's approval" : ""}`
                : "an operator"}
            </Td>
            <Td isMono isMuted>
              {a.movedBy}
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
