import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";

export function GpuModelsCard({
  models,
  total,
  className,
}: {
  models: { model: string; count: number }[];
  total: number;
  className?: string;
}) {
  const t = useTranslations("overview.gpuModels");
  return (
    <Card title={t("title")} description={t("description")} className={className}>
      {models.length === 0 ? (
        <p className="text-sm text-slate-400">{t("empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("title")}>
          {models.map((m) => (
            <li key={m.model}>
              <div className="flex items-baseline justify-between gap-3 text-[13px]">
                <span className="truncate text-slate-200">{m.model}</span>
                <span className="font-mono tabular-nums text-slate-100">{m.count}</span>
              </div>
              <div className="mt-1 h-1 overflow-hidden rounded-full bg-slate-800" aria-hidden>
                <div
                  className="h-full rounded-full bg-emerald-500/70"
                  style={{ width: `${total ? (m.count / total) * 100 : 0}%` }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
