import type { ReactNode } from "react";
import type { RackElevation } from "@/lib/inventory/rack-elevation";
import { UnitsBar } from "./units-bar";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

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
  return (
    <div className="space-y-3">
      <UnitsBar usedU={usedU} heightU={rack.heightU} />
      <dl className="divide-y divide-slate-800/70 text-[13px]">
        <Fact label="Site">{rack.site}</Fact>
        <Fact label="Height">{rack.heightU}U</Fact>
        <Fact label="Free">{rack.heightU - usedU}U</Fact>
        <Fact label="Servers">{rack.servers.length}</Fact>
        <Fact label="GPUs">{gpus}</Fact>
        <Fact label="Power cap">
          {rack.powerCapKw === null ? "—" : `${formatNumber(rack.powerCapKw, untranslatedLocale, 3)} kW`}
        </Fact>
      </dl>
    </div>
  );
}
