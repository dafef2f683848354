import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { gpuHref, rackHref, serverHref } from "@/components/ui/inventory-links";
import { formatGiB, formatMiB } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { GpuOut } from "@/lib/inventory/schemas";
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
const siblingDot = { healthy: "bg-emerald-400/70", degraded: "bg-amber-400", failed: "bg-rose-500" } as const;

/** What the GPU is and where it sits; the other GPUs of its server are one click away. */
export function GpuIdentity({ gpu, server }: { gpu: GpuOut; server: ServerDetail }) {
  const t = useTranslations("gpus.identityFacts");
  const th = useTranslations("common.health");
  const locale = asLocale(useLocale());
  return (
    <dl className="divide-y divide-slate-800/70 text-[13px]">
      <Fact label="UUID">
        <span className="break-all font-mono text-[12px]" data-testid="gpu-uuid">
          {gpu.uuid}
        </span>
      </Fact>
      <Fact label={t("server")}>
        <Link href={serverHref(server.hostname)} className={linkClass}>
          {server.hostname}
        </Link>
        <span className="text-slate-500"> · </span>
        <Link
          href={rackHref(server.site, server.rack, server.hostname)}
          className="font-mono text-slate-400 hover:text-emerald-300"
        >
          {server.site}/{server.rack}
        </Link>
      </Fact>
      <Fact label={t("index")}>
        <span className="font-mono">#{gpu.index}</span>
        <span className="text-slate-500"> {t("ofCount", { count: server.gpus.length })}</span>
      </Fact>
      <Fact label={t("model")}>{gpu.model}</Fact>
      <Fact label={t("memory")}>
        <span className="font-mono tabular-nums">{formatMiB(gpu.memoryMiB, locale)}</span>
        <span className="text-slate-500"> · {formatGiB(gpu.memoryMiB, locale)}</span>
      </Fact>
      <Fact label={t("pciBus")}>
        <span className="font-mono text-[12px]">{gpu.pciBusId ?? "—"}</span>
      </Fact>
      {server.gpus.length > 1 && (
        <Fact label={t("onThisServer")}>
          <ul className="flex flex-wrap gap-1" aria-label={t("siblings", { hostname: server.hostname })}>
            {server.gpus.map((g) => (
              <li key={g.uuid}>
                <Link
                  href={gpuHref(g.uuid)}
                  aria-current={g.uuid === gpu.uuid ? "page" : undefined}
                  title={t("sibling", { index: g.index, health: th(g.health) })}
                  className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-mono text-[11px] ring-1 ring-inset ${
                    g.uuid === gpu.uuid
                      ? "bg-slate-700 text-slate-50 ring-slate-500"
                      : "text-slate-400 ring-slate-800 hover:bg-slate-800 hover:text-slate-100"
                  }`}
                >
                  <span aria-hidden className={`size-1.5 rounded-full ${siblingDot[g.health]}`} />#{g.index}
                </Link>
              </li>
            ))}
          </ul>
        </Fact>
      )}
    </dl>
  );
}
