import { useTranslations } from "next-intl";
import type { ServerStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "./badge";

const statusTone: Record<ServerStatus, BadgeTone> = { active: "good", maintenance: "warn", retired: "neutral" };

/** A server's status, in the same colours as the rack elevation draws it. */
export function ServerStatusBadge({ status }: { status: ServerStatus }) {
  const t = useTranslations("common.serverStatus");
  return (
    <Badge tone={statusTone[status]} hasDot={status !== "retired"}>
      {t(status)}
    </Badge>
  );
}
