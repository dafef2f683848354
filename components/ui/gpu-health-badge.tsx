import { useTranslations } from "next-intl";
import type { GpuHealth } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "./badge";

const healthTone: Record<GpuHealth, BadgeTone> = { healthy: "good", degraded: "warn", failed: "bad" };

export function GpuHealthBadge({ health }: { health: GpuHealth }) {
  const t = useTranslations("common.health");
  return (
    <Badge tone={healthTone[health]} hasDot={health !== "healthy"}>
      {t(health)}
    </Badge>
  );
}
