"use client";
import { Chart, type ChartConfiguration, type ChartType, type DefaultDataPoint } from "chart.js";
import { useEffect, useRef, useState } from "react";
import { useColorScheme } from "@/components/ui/use-color-scheme";
import { readFontFamilies } from "./chart-theme";

/**
 * Draws a Chart.js chart on the returned canvas ref and destroys it on change
 * or unmount; `isReady` is true while a chart is drawn (tests wait for it).
 * Rebuilt only when `key` changes: callers pass their serialised props, which
 * are plain data from the server, so a re-render with equal data
 * (router.refresh) does not rebuild the chart. Nothing is drawn while `isEmpty`.
 */
export function useChart<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
  key: string,
  isEmpty: boolean,
  config: (fonts: ReturnType<typeof readFontFamilies>) => ChartConfiguration<TType, TData, TLabel>,
) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [isReady, setIsReady] = useState(false);
  // The colours are the scheme's at build time (chart-theme), so a theme switch rebuilds the chart.
  const scheme = useColorScheme();
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || isEmpty) return;
    const chart = new Chart(canvas, config(readFontFamilies()));
    setIsReady(true);
    return () => {
      chart.destroy();
      setIsReady(false);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the data, see above
  }, [key, isEmpty, scheme]);
  return { canvasRef, isReady };
}
