import { useLocale, useTranslations } from "next-intl";
import type { ClassCount } from "@/lib/datasets/cleaning-report";
import { asLocale } from "@/lib/i18n/locales";
import { formatCount, formatShare } from "./report-format";

const code = (chunks: React.ReactNode) => <code className="font-mono text-slate-200">{chunks}</code>;

/** One bar per class, as shares of the cleaned rows; the index is what the model outputs for it. */
export function ClassBalance({ classes, target }: { classes: ClassCount[]; target: string }) {
  const t = useTranslations("datasets.classes");
  const locale = asLocale(useLocale());
  const total = classes.reduce((n, c) => n + c.count, 0);
  const largest = Math.max(...classes.map((c) => c.count));
  return (
    <div className="space-y-2" data-testid="class-balance">
      <p className="text-xs text-slate-400">{t.rich("target", { target, count: classes.length, code })}</p>
      <ul className="space-y-1.5">
        {classes.map((c) => (
          <li
            key={c.label}
            className="grid grid-cols-[minmax(4rem,8rem)_1fr_7rem] items-center gap-3 text-[13px]"
            data-testid="class-row"
          >
            <span className="truncate font-mono text-slate-200" title={t("classIndex", { index: c.index })}>
              {c.label}
            </span>
            <span className="h-2 rounded-full bg-slate-800">
              <span
                className="block h-2 rounded-full bg-violet-500/80"
                style={{ width: `${Math.max(1, (c.count / largest) * 100)}%` }}
              />
            </span>
            <span className="text-right font-mono tabular-nums text-slate-300">
              {formatCount(c.count, locale)}{" "}
              <span className="text-slate-500">{formatShare(c.count, total, locale)}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
