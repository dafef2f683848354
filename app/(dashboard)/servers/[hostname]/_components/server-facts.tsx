import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { rackHref } from "@/components/ui/inventory-links";
import { formatRackUnits } from "@/components/ui/rack-units";
import { UtcTime } from "@/components/ui/utc-time";
import type { ServerDetail } from "@/lib/inventory/server-detail";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-3 py-1.5">
      <dt className="text-slate-400">{label}</dt>
      <dd className="min-w-0 text-slate-100">{children}</dd>
    </div>
  );
}

const linkClass = "font-mono text-emerald-300 hover:underline";

/** Where the server is and what it is. The position links to the rack drawing with this server outlined. */
export function ServerFacts({ server }: { server: ServerDetail }) {
  const t = useTranslations("servers.facts");
  const inElevation = rackHref(server.site, server.rack, server.hostname);
  return (
    <dl className="divide-y divide-slate-800/70 text-[13px]">
      <Fact label={t("site")}>
        <span className="font-mono">{server.site}</span>
      </Fact>
      <Fact label={t("rack")}>
        <Link href={rackHref(server.site, server.rack)} className={linkClass}>
          {server.rack}
        </Link>
        <span className="text-slate-500"> · {server.rackHeightU}U</span>
      </Fact>
      <Fact label={t("position")}>
        <Link href={inElevation} className={linkClass} data-testid="server-position">
          {formatRackUnits(server.positionU, server.heightU)}
        </Link>
        <span className="text-slate-500"> · {t("height", { heightU: server.heightU })}</span>
      </Fact>
      <Fact label={t("model")}>{server.model ?? <span className="text-slate-500">—</span>}</Fact>
      <Fact label={t("serial")}>
        <span className="font-mono">{server.serial ?? "—"}</span>
      </Fact>
      <Fact label={t("added")}>
        <UtcTime iso={server.createdAt} />
      </Fact>
      <Fact label={t("lastChanged")}>
        <UtcTime iso={server.updatedAt} />
      </Fact>
    </dl>
  );
}
