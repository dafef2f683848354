import { useTranslations } from "next-intl";
import { UtcTime } from "@/components/ui/utc-time";
import type { LastChange } from "@/lib/audit/last-change";

/** "Last changed … by …" from the audit log, or what holds when nothing was ever changed. */
export function LastChanged({ change, never }: { change: LastChange | null; never?: string }) {
  const t = useTranslations("admin.lastChanged");
  if (!change) return <p className="text-xs text-slate-500">{never ?? t("never")}</p>;
  return (
    <p className="text-xs text-slate-400" data-testid="last-changed">
      {t.rich("changed", {
        at: change.at,
        actor: change.actor,
        action: change.action,
        time: () => <UtcTime iso={change.at} />,
        // Who and what are identifiers (a token's name, an audit action): the same in every language.
        who: (chunks) => (
          <span className="font-mono text-slate-300" translate="no">
            {chunks}
          </span>
        ),
        what: (chunks) => (
          <span className="font-mono" translate="no">
            {chunks}
          </span>
        ),
      })}
    </p>
  );
}
