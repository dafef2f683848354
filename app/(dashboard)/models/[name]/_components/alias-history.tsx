import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { versionTag } from "@/components/ui/model-figures";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { Notice } from "@/components/ui/notice";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { AliasAtOut, AliasMoveOut } from "@/lib/models/outputs";

/** A version number as a link, or what its absence means in the ledger. */
function VersionCell({ name, version, none }: { name: string; version: number | null; none: string }) {
  if (version === null) return <span className="text-slate-500">{none}</span>;
  return (
    <Link href={versionHref(name, version)} className="font-mono text-sky-300 hover:underline">
      {versionTag(version)}
    </Link>
  );
}

/** The ledger of one alias, newest first: every move with who, why, and who approved it. */
export function AliasLedger({ name, moves }: { name: string; moves: AliasMoveOut[] }) {
  const t = useTranslations("models.ledger");
  return (
    <Table label={t("table")}>
      <THead>
        <Th>{t("col.when")}</Th>
        <Th>{t("col.from")}</Th>
        <Th>{t("col.to")}</Th>
        <Th>{t("col.by")}</Th>
        <Th>{t("col.note")}</Th>
        <Th>{t("col.approvedBy")}</Th>
      </THead>
      <TBody>
        {moves.length === 0 && <EmptyRow colSpan={6}>{t("aliasNeverMoved")}</EmptyRow>}
        {moves.map((m) => (
          <Tr key={m.id} testId="alias-move">
            <Td isMuted>
              <UtcTime iso={m.at} />
            </Td>
            <Td>
              <VersionCell name={name} version={m.fromVersion} none={t("new")} />
            </Td>
            <Td>
              <VersionCell name={name} version={m.toVersion} none={t("removed")} />
            </Td>
            <Td isMono isMuted>
              <span data-stored-text>{m.actor}</span>
            </Td>
            <Td className="max-w-96 text-[12px]">
              {m.note === null ? <span className="text-slate-500">—</span> : <span data-stored-text>{m.note}</span>}
            </Td>
            <Td isMono isMuted>
              {m.approvedBy === null ? (
                <span className="text-slate-500">—</span>
              ) : (
                <span data-stored-text>{m.approvedBy}</span>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Links that pick whose ledger is shown (`?alias=`), the current one marked. */
export function AliasPicker({ name, aliases, current }: { name: string; aliases: string[]; current: string }) {
  const t = useTranslations("models.ledger");
  return (
    <nav aria-label={t("picker")} className="flex flex-wrap items-center gap-1">
      {aliases.map((a) => (
        <Link
          key={a}
          href={`${modelHref(name, { alias: a })}#alias-history`}
          aria-current={a === current ? "true" : undefined}
          className={`rounded px-2 py-0.5 font-mono text-[12px] ${a === current ? "bg-emerald-500/15 text-emerald-200 ring-1 ring-inset ring-emerald-500/40" : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"}`}
        >
          {a}
        </Link>
      ))}
    </nav>
  );
}

export type AliasLookup = { typed: string; result: AliasAtOut } | { typed: string; error: string } | null;

/**
 * "Which version held <alias> at <time>?": a GET form answered by the
 * ledger (lib/models/alias-ledger.ts aliasAt), with who put it there and why.
 */
export function AliasAtLookup({
  name,
  aliases,
  alias,
  lookup,
}: {
  name: string;
  aliases: string[];
  alias: string;
  lookup: AliasLookup;
}) {
  const t = useTranslations("models.ledger");
  return (
    <div className="space-y-3">
      <form
        method="get"
        action={`${modelHref(name)}#alias-history`}
        aria-label={t("lookup")}
        className="flex flex-wrap items-end gap-3"
      >
        <Field id="alias-at-alias" label={t("alias")}>
          <Select id="alias-at-alias" name="alias" defaultValue={alias}>
            {aliases.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </Select>
        </Field>
        <Field id="alias-at-time" label={t("at")} className="w-64">
          <TextInput
            id="alias-at-time"
            name="at"
            defaultValue={lookup?.typed ?? ""}
            placeholder={t("atPlaceholder")}
            required
          />
        </Field>
        <Button type="submit">{t("lookUp")}</Button>
      </form>
      {lookup && "error" in lookup && (
        <Notice tone="error" title={t("cannotLookUp")}>
          <span data-stored-text>{lookup.error}</span>
        </Notice>
      )}
      {lookup && "result" in lookup && <AliasAtAnswer name={name} answer={lookup.result} />}
    </div>
  );
}

function AliasAtAnswer({ name, answer }: { name: string; answer: AliasAtOut }) {
  const t = useTranslations("models.ledger");
  const { move } = answer;
  const parts = {
    alias: answer.alias,
    actor: move?.actor ?? "",
    approvedBy: move?.approvedBy ?? "none",
    hasNote: move?.note ? "yes" : "no",
    mono: (chunks: ReactNode) => (
      <span className="font-mono" data-stored-text>
        {chunks}
      </span>
    ),
    at: () => <UtcTime iso={answer.at} />,
    movedAt: () => (move ? <UtcTime iso={move.at} /> : null),
    // The note is what the mover typed: stored prose.
    note: () => <span data-stored-text>{move?.note}</span>,
    version: () => <VersionCell name={name} version={answer.version} none="" />,
  };
  const key =
    answer.version === null
      ? move
        ? move.note
          ? "answerRemovedNote"
          : "answerRemoved"
        : "answerNone"
      : move
        ? "answerMoved"
        : "answerHeld";
  return (
    <p className="text-sm text-slate-200" data-testid="alias-at-answer">
      {t.rich(key, parts)}
    </p>
  );
}
