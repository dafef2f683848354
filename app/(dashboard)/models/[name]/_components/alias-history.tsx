import Link from "next/link";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
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
      v{version}
    </Link>
  );
}

/** The ledger of one alias, newest first: every move with who, why, and who approved it. */
export function AliasLedger({ name, moves }: { name: string; moves: AliasMoveOut[] }) {
  return (
    <Table label="Alias history">
      <THead>
        <Th>When (UTC)</Th>
        <Th>From</Th>
        <Th>To</Th>
        <Th>By</Th>
        <Th>Note</Th>
        <Th>Approved by</Th>
      </THead>
      <TBody>
        {moves.length === 0 && <EmptyRow colSpan={6}>This alias has never been moved.</EmptyRow>}
        {moves.map((m) => (
          <Tr key={m.id} testId="alias-move">
            <Td isMuted>
              <UtcTime iso={m.at} />
            </Td>
            <Td>
              <VersionCell name={name} version={m.fromVersion} none="(new)" />
            </Td>
            <Td>
              <VersionCell name={name} version={m.toVersion} none="(removed)" />
            </Td>
            <Td isMono isMuted>
              {m.actor}
            </Td>
            <Td className="max-w-96 text-[12px]">{m.note ?? <span className="text-slate-500">—</span>}</Td>
            <Td isMono isMuted>
              {m.approvedBy ?? <span className="text-slate-500">—</span>}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Links that pick whose ledger is shown (`?alias=`), the current one marked. */
export function AliasPicker({ name, aliases, current }: { name: string; aliases: string[]; current: string }) {
  return (
    <nav aria-label="Alias whose history is shown" className="flex flex-wrap items-center gap-1">
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
  return (
    <div className="space-y-3">
      <form
        method="get"
        action={`${modelHref(name)}#alias-history`}
        aria-label="Which version held an alias at a time"
        className="flex flex-wrap items-end gap-3"
      >
        <Field id="alias-at-alias" label="Alias">
          <Select id="alias-at-alias" name="alias" defaultValue={alias}>
            {aliases.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </Select>
        </Field>
        <Field id="alias-at-time" label="At (UTC)" className="w-64">
          <TextInput
            id="alias-at-time"
            name="at"
            defaultValue={lookup?.typed ?? ""}
            placeholder="2026-01-31 08:00 or …T08:00:00Z"
            required
          />
        </Field>
        <Button type="submit">Look up</Button>
      </form>
      {lookup && "error" in lookup && (
        <Notice tone="error" title="That time cannot be looked up">
          {lookup.error}
        </Notice>
      )}
      {lookup && "result" in lookup && <AliasAtAnswer name={name} answer={lookup.result} />}
    </div>
  );
}

function AliasAtAnswer({ name, answer }: { name: string; answer: AliasAtOut }) {
  const { move } = answer;
  return (
    <p className="text-sm text-slate-200" data-testid="alias-at-answer">
      At <UtcTime iso={answer.at} />,{" "}
      {answer.version === null ? (
        <>
          no version held <span className="font-mono">{answer.alias}</span>
          {move ? (
            <>
              : {move.actor} removed it at <UtcTime iso={move.at} />
              {move.note ? <> (“{move.note}”)</> : null}.
            </>
          ) : (
            ": the alias did not exist yet."
          )}
        </>
      ) : (
        <>
          <span className="font-mono">{answer.alias}</span> pointed at{" "}
          <VersionCell name={name} version={answer.version} none="" />
          {move && (
            <>
              , moved there by <span className="font-mono">{move.actor}</span> at <UtcTime iso={move.at} />
              {move.approvedBy && <> (approved by {move.approvedBy})</>}
              {move.note ? <>: “{move.note}”</> : " without a note"}
            </>
          )}
          .
        </>
      )}
    </p>
  );
}
