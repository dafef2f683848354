import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/permissions";
import { Badge, type BadgeTone } from "./badge";

const roleTone: Record<Role, BadgeTone> = { admin: "accent", operator: "info", viewer: "neutral" };

export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("shell.roles");
  return <Badge tone={roleTone[role]}>{t(role)}</Badge>;
}
