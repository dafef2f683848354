import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { listPromotions } from "@/lib/models/promotions";
import { PromotionsList } from "./promotions-list";

const DECIDED_SHOWN = 5;

/** Pending promotion requests first (what needs someone), then the latest decided ones; nothing when there are none. */
export async function PromotionsCard({ name, actor, canDecide }: { name: string; actor: string; canDecide: boolean }) {
  const all = await listPromotions(name);
  const shown = [
    ...all.filter((p) => p.status === "pending"),
    ...all.filter((p) => p.status !== "pending").slice(0, DECIDED_SHOWN),
  ];
  if (shown.length === 0) return null;
  const t = await getTranslations("models.promotions");
  return (
    <Card title={t("title")} description={t("description")}>
      <PromotionsList name={name} promotions={shown} actor={actor} canDecide={canDecide} />
    </Card>
  );
}
