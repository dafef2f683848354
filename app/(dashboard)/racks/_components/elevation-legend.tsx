import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { heatGradientCss } from "@/components/ui/heat-scale";
import type { Colouring, LegendScale, SlotPaint } from "./elevation-colourings";

function Swatch({ paint }: { paint: SlotPaint }) {
  return (
    <svg viewBox="0 0 28 14" className="h-3.5 w-7 shrink-0" aria-hidden>
      <rect
        x="0.5"
        y="0.5"
        width="27"
        height="13"
        rx="1.5"
        className={`${paint.body} ${paint.edge}`}
        strokeDasharray={paint.isDashed ? "3 2" : undefined}
      />
      {paint.isHatched && (
        <path d="M4 13 13 1M11 13 20 1M18 13 27 1" className="stroke-slate-400/30" strokeWidth="1.5" />
      )}
      <rect x="0.5" y="0.5" width="3" height="13" className={paint.stripe} />
    </svg>
  );
}

function Entry({ mark, children }: { mark: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2">
      {mark}
      <span>{children}</span>
    </li>
  );
}

/** A continuous scale: the colour ramp as a bar with its ends and middle labelled. */
function ScaleBar({ scale }: { scale: LegendScale }) {
  const t = useTranslations("racks.elevation");
  return (
    <div className="mb-2.5" data-testid="elevation-scale">
      <div
        className="h-2.5 rounded-sm opacity-90 ring-1 ring-inset ring-white/10"
        style={{ backgroundImage: heatGradientCss() }}
        aria-hidden
      />
      <div className="mt-1 flex justify-between font-mono text-[10px] tabular-nums text-slate-400">
        <span>{scale.minLabel}</span>
        <span>{scale.midLabel}</span>
        <span>{scale.maxLabel}</span>
      </div>
      {scale.basis && <p className="mt-1 text-[11px] text-slate-500">{t("fullScale", { basis: scale.basis })}</p>}
    </div>
  );
}

/** What the colours and marks of the elevation mean, for the colouring in use. */
export function ElevationLegend({ colouring }: { colouring: Colouring }) {
  const t = useTranslations("racks.elevation");
  return (
    <div className="grid gap-4 text-xs text-slate-300 sm:grid-cols-2" aria-label={t("legend")} role="group">
      <div>
        <p className="mb-2 text-[10px] font-medium uppercase tracking-wider text-slate-500">{colouring.title}</p>
        {colouring.scale && <ScaleBar scale={colouring.scale} />}
        <ul className="space-y-1.5">
          {colouring.legend.map((e) => (
            <Entry key={e.label} mark={<Swatch paint={e.paint} />}>
              {e.label}
            </Entry>
          ))}
        </ul>
      </div>
      <div>
        <p className="mb-2 text-[10px] font-medium uppercase tracking-wider text-slate-500">{t("marks")}</p>
        <ul className="space-y-1.5">
          <Entry mark={<span className="mx-2.5 size-2 rotate-45 bg-rose-500" aria-hidden />}>{t("markFailed")}</Entry>
          <Entry mark={<span className="mx-2.5 size-2 rounded-full bg-amber-400" aria-hidden />}>
            {t("markDegraded")}
          </Entry>
          <Entry mark={<span className="mx-2.5 size-2 rounded-full border border-slate-400" aria-hidden />}>
            {t("markSilent")}
          </Entry>
          <Entry
            mark={<span className="h-3.5 w-7 shrink-0 rounded-sm border border-dashed border-slate-600" aria-hidden />}
          >
            {t("markEmpty")}
          </Entry>
          <Entry mark={<span className="h-3.5 w-7 shrink-0 rounded-sm border-2 border-sky-300" aria-hidden />}>
            {t("markHighlighted")}
          </Entry>
        </ul>
      </div>
    </div>
  );
}
