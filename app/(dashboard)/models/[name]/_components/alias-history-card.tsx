import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { aliasAt, listAliasMoves, listLedgerAliases } from "@/lib/models/alias-ledger";
import { AliasAtLookup, AliasLedger, AliasPicker, type AliasLookup } from "./alias-history";
import type { ModelPageQuery } from "./model-query";

const LEDGER_ROWS = 50;

/**
 * The ledger of one alias (`?alias=`, else production, else the first), and
 * the "which version held it then?" lookup (`?at=`). Aliases in use and those
 * the ledger knows (removed ones too) can be picked.
 */
export async function AliasHistoryCard({
  name,
  aliasesInUse,
  query,
}: {
  name: string;
  aliasesInUse: string[];
  query: Pick<ModelPageQuery, "alias" | "at">;
}) {
  const aliases = [...new Set([...aliasesInUse, ...(await listLedgerAliases(name))])].sort();
  const shown = query.alias ?? (aliases.includes("production") ? "production" : aliases[0]);
  const at = query.at;
  const [moves, found] = await Promise.all([
    shown ? listAliasMoves(name, shown, { limit: LEDGER_ROWS }) : null,
    shown && at && "instant" in at ? aliasAt(name, shown, at.instant) : null,
  ]);
  const t = await getTranslations("models.ledger");
  const lookup: AliasLookup = !at ? null : "error" in at ? at : found ? { typed: at.typed, result: found } : null;
  return (
    <Card title={<span id="alias-history">{t("title")}</span>} description={t("description")}>
      {shown && moves ? (
        <div className="space-y-4">
          <AliasPicker name={name} aliases={aliases} current={shown} />
          <div className="-mx-4 border-y border-slate-800">
            <AliasLedger name={name} moves={moves.items} />
          </div>
          {moves.nextCursor && (
            <p className="text-xs text-slate-500">
              {t.rich("latestOnly", {
                rows: LEDGER_ROWS,
                endpoint: `GET /api/v1/models/${name}/aliases/${shown}/history`,
                // An API request: code, the same in every language.
                mono: (chunks) => (
                  <span className="font-mono" data-stored-text>
                    {chunks}
                  </span>
                ),
              })}
            </p>
          )}
          <AliasAtLookup name={name} aliases={aliases} alias={shown} lookup={lookup} />
        </div>
      ) : (
        <p className="text-sm text-slate-400">{t("neverMoved")}</p>
      )}
    </Card>
  );
}
