import { Badge } from "@/components/ui/badge";
import { RoleBadge } from "@/components/ui/role-badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { UserOut } from "@/lib/auth/users";

export function UsersTable({ users }: { users: UserOut[] }) {
  return (
    <Table label="Users">
      <THead>
        <Th>Name</Th>
        <Th>Role</Th>
        <Th>Created (UTC)</Th>
        <Th>Status</Th>
      </THead>
      <TBody>
        {users.map((u) => (
          <Tr key={u.id} testId="user-row">
            <Td isMono className="font-medium text-slate-50">
              {u.name}
            </Td>
            <Td>
              <RoleBadge role={u.role} />
            </Td>
            <Td isMuted>
              <UtcTime iso={u.createdAt} />
            </Td>
            <Td>
              {u.disabled ? (
                <Badge tone="neutral">disabled</Badge>
              ) : (
                <Badge tone="good" hasDot>
                  active
                </Badge>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
