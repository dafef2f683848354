"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useApiErrorMessage, useFormWording } from "@/components/forms/form-wording";
import { checkInput } from "@/components/forms/schema-check";
import { requestApi } from "@/components/ui/api-request";
import { Button, FieldError, TextInput } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { WEEKDAYS, type Weekday } from "@/lib/energy/pricing/local-time";
import { PutTariffInput, type TariffPeriod } from "@/lib/energy/schemas";
import type { Translate } from "@/lib/i18n/translate";

type Row = { key: number; days: Weekday[]; from: string; to: string; price: string };

const WORKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
let nextKey = 0;
const toRow = (p: TariffPeriod): Row => ({
  key: nextKey++,
  days: [...p.days],
  from: p.from,
  to: p.to,
  price: String(p.pricePerKwh),
});
const blankRow = (): Row => ({ key: nextKey++, days: WORKDAYS, from: "07:00", to: "23:00", price: "" });

function DayToggles({ row, onChange }: { row: Row; onChange: (days: Weekday[]) => void }) {
  const t = useTranslations("energy.tariff");
  return (
    <div className="flex gap-0.5" role="group" aria-label={t("days")}>
      {WEEKDAYS.map((day) => {
        const isOn = row.days.includes(day);
        return (
          <button
            key={day}
            type="button"
            aria-pressed={isOn}
            onClick={() =>
              onChange(
                isOn ? row.days.filter((d) => d !== day) : WEEKDAYS.filter((d) => d === day || row.days.includes(d)),
              )
            }
            className={`w-8 rounded py-1 font-mono text-[11px] capitalize transition-colors ${isOn ? "bg-emerald-500/20 text-emerald-200 ring-1 ring-inset ring-emerald-500/40" : "bg-slate-800/60 text-slate-500 hover:text-slate-300"}`}
          >
            {t(`weekdayShort.${day}`)}
          </button>
        );
      })}
    </div>
  );
}

/** The period fields the schema can name, keys of energy.tariff.field. */
const FIELDS = new Set(["days", "from", "to", "pricePerKwh"]);

type Problem = { field: string; text: string };

/** The schema's issues by row key (paths are `periods.<index>.<field>`), and all of them for the summary. */
function periodProblems(
  rows: Row[],
  messages: { path: PropertyKey[]; message: string }[],
  t: Translate,
): { byRow: Map<number, Problem[]>; all: string[] } {
  const byRow = new Map<number, Problem[]>();
  const all: string[] = [];
  for (const { path, message } of messages) {
    const [, index, field] = path;
    const row = typeof index === "number" ? rows[index] : undefined;
    if (!row) {
      all.push(message);
      continue;
    }
    const name = FIELDS.has(String(field)) ? String(field) : "period";
    const problem = { field: String(field ?? ""), text: t("problem", { field: t(`field.${name}`), message }) };
    byRow.set(row.key, [...(byRow.get(row.key) ?? []), problem]);
    all.push(t("periodProblem", { index: Number(index) + 1, problem: problem.text }));
  }
  return { byRow, all };
}

/**
 * Edits a site's time-of-use periods (operators). The whole schedule is one
 * PUT, checked first with the API's own schema (quarter hours, prices): each
 * period's problems show under it and together in the notice, in the schema's
 * words, so the rules live in one place.
 */
export function TariffForm({ site, currency, periods }: { site: string; currency: string; periods: TariffPeriod[] }) {
  const t = useTranslations("energy.tariff");
  const wording = useFormWording();
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(() => periods.map(toRow));
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const [problems, setProblems] = useState<Map<number, Problem[]>>(new Map());
  const update = (key: number, change: Partial<Row>) => {
    setIsSaved(false);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // An empty price goes as null, so the API names the field rather than pricing a period at zero.
    const periods = rows.map((r) => ({
      days: r.days,
      from: r.from.trim(),
      to: r.to.trim(),
      pricePerKwh: r.price.trim() === "" ? null : Number(r.price),
    }));
    const input = checkInput(PutTariffInput, { periods }, { wording });
    const found = input.ok ? { byRow: new Map<number, Problem[]>(), all: [] } : periodProblems(rows, input.messages, t);
    setProblems(found.byRow);
    setError(found.all.length > 0 ? found.all.join("; ") : null);
    if (!input.ok) return;
    setIsPending(true);
    const result = await requestApi("PUT", `/api/v1/energy/tariffs/${encodeURIComponent(site)}`, { body: { periods } });
    setIsPending(false);
    if (!result.ok) return setError(errorMessage(result));
    setIsSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("form")} className="space-y-3">
      {rows.length === 0 && <p className="text-xs text-slate-500">{t("noRows")}</p>}
      <ul className="space-y-2">
        {rows.map((r, i) => {
          const rowProblems = problems.get(r.key) ?? [];
          const isInvalid = (field: string) => (rowProblems.some((p) => p.field === field) ? true : undefined);
          return (
            <li key={r.key} className="flex flex-wrap items-center gap-2" data-testid="tariff-period-row">
              <DayToggles row={r} onChange={(days) => update(r.key, { days })} />
              <span className="w-16">
                <TextInput
                  aria-label={t("periodFrom", { index: i + 1 })}
                  value={r.from}
                  onChange={(e) => update(r.key, { from: e.target.value })}
                  aria-invalid={isInvalid("from")}
                  className="text-center font-mono"
                  placeholder="07:00"
                />
              </span>
              <span className="text-slate-500">–</span>
              <span className="w-16">
                <TextInput
                  aria-label={t("periodTo", { index: i + 1 })}
                  value={r.to}
                  onChange={(e) => update(r.key, { to: e.target.value })}
                  aria-invalid={isInvalid("to")}
                  className="text-center font-mono"
                  placeholder="23:00"
                />
              </span>
              <span className="w-20">
                <TextInput
                  aria-label={t("periodPrice", { index: i + 1 })}
                  inputMode="decimal"
                  value={r.price}
                  onChange={(e) => update(r.key, { price: e.target.value })}
                  aria-invalid={isInvalid("pricePerKwh")}
                  className="text-right font-mono"
                  placeholder="0.25"
                />
              </span>
              <span className="text-xs text-slate-500">{currency}/kWh</span>
              <Button
                variant="ghost"
                aria-label={t("remove", { index: i + 1 })}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              >
                ✕
              </Button>
              {rowProblems.length > 0 && (
                <FieldError
                  id={`tariff-period-${r.key}`}
                  message={rowProblems.map((p) => p.text).join("; ")}
                  className="basis-full"
                />
              )}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setRows((rs) => [...rs, blankRow()])}>{t("add")}</Button>
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? t("saving") : t("save")}
        </Button>
        {isSaved && (
          <span role="status" className="text-xs text-emerald-300">
            {t("saved")}
          </span>
        )}
      </div>
      {error && (
        <Notice tone="error" title={t("failed")}>
          {error}
        </Notice>
      )}
    </form>
  );
}
