import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ServerOut } from "@/lib/inventory/schemas";

const statusTone: Record<ServerOut["status"], BadgeTone> = { active: "good", maintenance: "warn", retired: "neutral" };

export function ServerStatusBadge({ status }: { status: ServerOut["status"] }) {
  return (
    <Badge tone={statusTone[status]} hasDot={status !== "retired"}>
      {status}
    </Badge>
  );
}
