// The colour ramp for "how hot / how loaded": green at the bottom of a scale,
// amber in the middle, red at the top. Shared by the rack elevation, its legend
// and the temperature cells of tables, so one reading is one colour everywhere.
// Colours are computed (not Tailwind classes) because the scale is continuous.

type Rgb = readonly [number, number, number];

// Tailwind's emerald-500, amber-400 and red-500, so the ramp sits in the palette.
const STOPS: readonly { at: number; rgb: Rgb }[] = [
  { at: 0, rgb: [16, 185, 129] },
  { at: 0.5, rgb: [251, 191, 36] },
  { at: 1, rgb: [239, 68, 68] },
];

/** The temperature scale of the elevation: 30 °C is the cool end, 90 °C the hot end (past the 87 °C default health threshold). */
export const TEMP_SCALE = { minC: 30, maxC: 90 } as const;

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Where `value` sits on `min`…`max`, clamped to 0…1. */
export function scaleFraction(value: number, min: number, max: number): number {
  return max > min ? clamp01((value - min) / (max - min)) : 0;
}

/** The ramp's colour at `fraction` (0…1) as `rgb(r g b)`. */
export function heatColour(fraction: number): string {
  const f = clamp01(fraction);
  const upper = STOPS.findIndex((s) => s.at >= f);
  const hi = STOPS[Math.max(1, upper)]!;
  const lo = STOPS[Math.max(0, Math.max(1, upper) - 1)]!;
  const t = hi.at > lo.at ? (f - lo.at) / (hi.at - lo.at) : 0;
  const mix = lo.rgb.map((c, i) => Math.round(c + (hi.rgb[i]! - c) * t));
  return `rgb(${mix[0]} ${mix[1]} ${mix[2]})`;
}

/** The ramp as a CSS linear-gradient, left (cool) to right (hot), for legends. */
export function heatGradientCss(): string {
  return `linear-gradient(to right, ${STOPS.map((s) => `${heatColour(s.at)} ${s.at * 100}%`).join(", ")})`;
}

export function tempColour(tempC: number): string {
  return heatColour(scaleFraction(tempC, TEMP_SCALE.minC, TEMP_SCALE.maxC));
}
