import type { ServerStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "./badge";

const statusTone: Record<ServerStatus, BadgeTone> = { active: "good", maintenance: "warn", retired: "neutral" };

/** A server's status, in the same colours as the rack elevation draws it. */
export function ServerStatusBadge({ status }: { status: ServerStatus }) {
  return (
    <Badge tone={statusTone[status]} hasDot={status !== "retired"}>
      {status}
    </Badge>
  );
}
