import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { RackElevation } from "@/lib/inventory/rack-elevation";
import { UnitsBar } from "./units-bar";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5">
      <dt className="text-slate-400">{label}</dt>
      <dd className="font-mono tabular-nums text-slate-100">{children}</dd>
    </div>
  );
}

/** The rack's numbers beside its drawing: fill, servers, GPUs, power budget. */
export function RackFacts({ rack }: { rack: RackElevation }) {
  const usedU = rack.servers.reduce((n, s) => n + s.heightU, 0);
  const gpus = rack.servers.reduce((n, s) => n + s.gpuCount, 0);
  const t = useTranslations("racks.facts");
  const locale = asLocale(useLocale());
  return (
    <div className="space-y-3">
      <UnitsBar usedU={usedU} heightU={rack.heightU} />
      <dl className="divide-y divide-slate-800/70 text-[13px]">
        <Fact label={t("site")}>{rack.site}</Fact>
        <Fact label={t("height")}>{rack.heightU}U</Fact>
        <Fact label={t("free")}>{rack.heightU - usedU}U</Fact>
        <Fact label={t("servers")}>{rack.servers.length}</Fact>
        <Fact label={t("gpus")}>{gpus}</Fact>
        <Fact label={t("powerCap")}>
          {rack.powerCapKw === null ? "—" : `${formatNumber(rack.powerCapKw, locale, 3)} kW`}
        </Fact>
      </dl>
    </div>
  );
}
