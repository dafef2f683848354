import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { AlertRuleOut } from "@/lib/alerts/outputs";
import { formatMs } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import { durationWords, severityTone } from "./alert-words";
import { RuleEditor } from "./rule-editor";

/** The rules, what each checks and how it fared at its last evaluation; operators edit them in place. */
export function RulesCard({ rules, mayWrite }: { rules: AlertRuleOut[]; mayWrite: boolean }) {
  const t = useTranslations("alerts.rules");
  const severity = useTranslations("common.severity");
  const locale = asLocale(useLocale());
  return (
    <Card title={t("title")} description={mayWrite ? t("mayWrite") : t("mayNotWrite")} isFlush className="mb-4">
      <Table label={t("table")}>
        <THead>
          <Th>{t("rule")}</Th>
          <Th>{t("check")}</Th>
          <Th>{t("forKeep")}</Th>
          <Th>{t("severity")}</Th>
          <Th>{t("now")}</Th>
          <Th>{t("lastEvaluated")}</Th>
          {mayWrite && <Th>{t("action")}</Th>}
        </THead>
        <TBody>
          {rules.map((r) => (
            <Tr key={r.name} testId="rule-row">
              <Td isMono>
                <span data-stored-text>{r.name}</span>
                {!r.enabled && (
                  <span className="ml-2">
                    <Badge>{t("disabled")}</Badge>
                  </span>
                )}
              </Td>
              <Td>
                {/* A rule's kind and parameters are identifiers and values (data): the language scan skips them. */}
                <span className="font-mono text-[12px] text-slate-300" data-stored-text>
                  {r.kind}
                </span>{" "}
                <span className="text-xs text-slate-400" data-stored-text>
                  {Object.entries(r.params)
                    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(",") || t("any") : String(v)}`)
                    .join(", ")}
                </span>
              </Td>
              <Td isMuted>
                {durationWords(r.forSeconds, locale)} / {durationWords(r.keepFiringForSeconds, locale)}
              </Td>
              <Td>
                <Badge tone={severityTone[r.severity]}>{severity(r.severity)}</Badge>
              </Td>
              <Td isMuted>{t("counts", { firing: r.alerts.firing, pending: r.alerts.pending })}</Td>
              <Td isMuted>
                {r.lastError ? (
                  <span className="text-rose-300">
                    {t.rich("unreadable", {
                      error: r.lastError,
                      stored: (chunks) => <span data-stored-text>{chunks}</span>,
                    })}
                  </span>
                ) : r.lastEvalAt ? (
                  t.rich("evaluated", {
                    at: r.lastEvalAt,
                    took: formatMs(r.lastEvalMs ?? 0, locale),
                    time: () => <UtcTime iso={r.lastEvalAt} />,
                  })
                ) : (
                  t("notYet")
                )}
              </Td>
              {mayWrite && (
                <Td>
                  <RuleEditor rule={r} />
                </Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
