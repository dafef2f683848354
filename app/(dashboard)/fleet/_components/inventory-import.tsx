"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { useApiErrorMessage } from "@/components/forms/form-wording";
import { requestApi, type ApiFailure } from "@/components/ui/api-request";
import { Button, Field, TextArea } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

// The import endpoint's answers. Only the totals are required: the per-kind
// breakdown is shown for whatever kinds the answer lists.
const Counts = z.object({ created: z.number(), updated: z.number() });
const ImportAnswer = z.looseObject({ created: z.number(), updated: z.number(), rows: z.number().optional() });
type ImportAnswer = z.infer<typeof ImportAnswer>;
const LineProblems = z.array(z.object({ line: z.number(), message: z.string() }));
type LineProblems = z.infer<typeof LineProblems>;

type Outcome = { kind: "imported"; answer: ImportAnswer } | { kind: "failed"; message: string; lines: LineProblems };

/** `message` is the failure said for the reader (useApiErrorMessage); the refused lines stay as the API wrote them. */
function toFailure(failure: ApiFailure, message: string): Outcome {
  const lines = failure.status === 422 ? LineProblems.safeParse(failure.details) : null;
  return { kind: "failed", message, lines: lines?.success ? lines.data : [] };
}

/**
 * Sends an inventory CSV to the import endpoint as is (a chosen file, or pasted
 * text) and shows what it did, or every line it refused. On success the page
 * re-renders from the server so the fleet list shows the imported servers.
 */
export function InventoryImport() {
  const t = useTranslations("fleet.import");
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    const text = String(data.get("text") ?? "");
    const body = file instanceof File && file.size > 0 ? file : text.trim() ? text : null;
    if (!body) {
      setOutcome({ kind: "failed", message: t("nothingChosen"), lines: [] });
      return;
    }
    setIsPending(true);
    setOutcome(null);
    const result = await requestApi("POST", "/api/v1/inventory/import", {
      raw: { contentType: "text/csv", data: body },
      schema: ImportAnswer,
    });
    setIsPending(false);
    if (!result.ok) {
      setOutcome(toFailure(result, errorMessage(result)));
      return;
    }
    setOutcome({ kind: "imported", answer: result.data });
    form.reset();
    router.refresh();
  }

  return (
    <div className="relative">
      <Button onClick={() => setIsOpen(!isOpen)} aria-expanded={isOpen} aria-controls="inventory-import">
        {t("open")}
      </Button>
      {isOpen && (
        <section
          id="inventory-import"
          aria-label={t("label")}
          onKeyDown={(e) => e.key === "Escape" && setIsOpen(false)}
          className="absolute right-0 top-full z-20 mt-2 w-[32rem] max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-slate-700 bg-slate-900 p-4 shadow-2xl shadow-black/50"
        >
          <header className="flex items-start justify-between gap-3">
            <div>
              <h2 className="text-sm font-semibold text-slate-100">{t("title")}</h2>
              <p className="mt-0.5 text-xs text-slate-400">{t("description")}</p>
            </div>
            <Button variant="ghost" onClick={() => setIsOpen(false)} aria-label={t("close")}>
              ✕
            </Button>
          </header>
          <form onSubmit={onSubmit} className="space-y-3" aria-label={t("label")}>
            <Field id="import-file" label={t("file")}>
              <input
                id="import-file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                className="block w-full text-[13px] text-slate-300 file:mr-3 file:rounded-md file:border file:border-slate-700 file:bg-slate-800 file:px-3 file:py-1.5 file:text-[13px] file:font-medium file:text-slate-100 hover:file:bg-slate-700"
              />
            </Field>
            <Field id="import-text" label={t("paste")} hint={t("pasteHint")}>
              <TextArea id="import-text" name="text" rows={5} spellCheck={false} placeholder={t("pastePlaceholder")} />
            </Field>
            <Button type="submit" variant="primary" disabled={isPending}>
              {isPending ? t("importing") : t("submit")}
            </Button>
          </form>
          {outcome?.kind === "imported" && <Imported answer={outcome.answer} />}
          {outcome?.kind === "failed" && <Refused message={outcome.message} lines={outcome.lines} />}
        </section>
      )}
    </div>
  );
}

function Imported({ answer }: { answer: ImportAnswer }) {
  const t = useTranslations("fleet.import");
  const kinds = Object.entries(answer).flatMap(([kind, value]) => {
    const counts = Counts.safeParse(value);
    return counts.success ? [{ kind, ...counts.data }] : [];
  });
  return (
    <Notice tone="success" title={t("imported", { created: answer.created, updated: answer.updated })}>
      {answer.rows !== undefined && <p>{t("rowsRead", { count: answer.rows })}</p>}
      {kinds.length > 0 && (
        <ul className="mt-1 grid grid-cols-2 gap-x-4 font-mono text-[12px]" data-testid="import-counts">
          {kinds.map((k) => (
            <li key={k.kind}>{t("kindCounts", { kind: k.kind, created: k.created, updated: k.updated })}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}

function Refused({ message, lines }: { message: string; lines: LineProblems }) {
  const t = useTranslations("fleet.import");
  return (
    <Notice tone="error" title={lines.length > 0 ? message : t("notImported")}>
      {lines.length === 0 ? (
        message
      ) : (
        <ul className="mt-1 max-h-56 space-y-0.5 overflow-y-auto font-mono text-[12px]" data-testid="import-errors">
          {lines.map((l, i) => (
            <li key={`${l.line}-${i}`}>{t("lineProblem", { line: l.line, message: l.message })}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
