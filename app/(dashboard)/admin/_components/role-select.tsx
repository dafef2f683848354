import { useTranslations } from "next-intl";
import { invalidProps } from "@/components/forms/schema-check";
import { Select } from "@/components/ui/form-controls";
import { roles, type Role } from "@/lib/auth/permissions";

/** The roles to choose from, as the user, token and role-change forms offer them. */
export function RoleSelect({ id, defaultValue, error }: { id: string; defaultValue: Role; error?: string }) {
  const t = useTranslations("shell.roles");
  return (
    <Select id={id} name="role" defaultValue={defaultValue} {...invalidProps(id, error)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(r)}
        </option>
      ))}
    </Select>
  );
}
