import { useTranslations } from "next-intl";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AliasPolicyOut } from "@/lib/models/outputs";
import { AliasPolicyForm } from "./alias-policy-form";

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
  const t = useTranslations("models.policies");
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  return (
    <div className="space-y-3">
      <Table label={t("table")}>
        <THead>
          <Th>{t("col.alias")}</Th>
          <Th>{canSet ? t("col.policy") : t("col.protected")}</Th>
          {!canSet && <Th>{t("col.requiresApproval")}</Th>}
          <Th>{t("col.setBy")}</Th>
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
                {p.isDefault ? t("byDefault") : t("byAdmin")}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {canSet && (
        <div className="px-3 pb-3">
          <p className="mb-1 text-[11px] font-medium uppercase tracking-wider text-slate-500">{t("another")}</p>
          <AliasPolicyForm name={name} />
        </div>
      )}
    </div>
  );
}
