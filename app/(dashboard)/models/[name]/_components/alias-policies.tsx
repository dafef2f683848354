import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AliasPolicyOut } from "@/lib/models/outputs";
import { AliasPolicyForm } from "./alias-policy-form";

const yesNo = (v: boolean) => (v ? "yes" : "no");

/** Which aliases are protected and which need a second admin; admins change them in place. */
export function AliasPolicies({
  name,
  policies,
  canSet,
}: {
  name: string;
  policies: AliasPolicyOut[];
  canSet: boolean;
}) {
  return (
    <div className="space-y-3">
      <Table label="Alias policies">
        <THead>
          <Th>Alias</Th>
          <Th>{canSet ? "Policy" : "Protected"}</Th>
          {!canSet && <Th>Requires approval</Th>}
          <Th>Set by</Th>
        </THead>
        <TBody>
          {policies.map((p) => (
            <Tr key={p.alias} testId="alias-policy">
              <Td isMono>{p.alias}</Td>
              {canSet ? (
                <Td>
                  <AliasPolicyForm
                    name={name}
                    alias={p.alias}
                    isProtected={p.isProtected}
                    requiresApproval={p.requiresApproval}
                  />
                </Td>
              ) : (
                <>
                  <Td>{yesNo(p.isProtected)}</Td>
                  <Td>{yesNo(p.requiresApproval)}</Td>
                </>
              )}
              <Td isMuted className="text-[12px]">
                {p.isDefault ? "Rackmind's default" : "an admin"}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {canSet && (
        <div className="px-3 pb-3">
          <p className="mb-1 text-[11px] font-medium uppercase tracking-wider text-slate-500">Another alias</p>
          <AliasPolicyForm name={name} />
        </div>
      )}
    </div>
  );
}
