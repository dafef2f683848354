/**
 * What every Rackmind database session starts with (libpq's `options`, sent
 * at connect): no JIT compilation. Rackmind's queries are short — a page's
 * panels, a fold batch — but the planner costs some of them high at fleet
 * scale (GpuRollupHourExact's branch for hours still to build is estimated at
 * an hour of minute rows even when no hour is marked), which crosses
 * jit_above_cost, and compiling then took ~250 ms of a ~20 ms query: the
 * dashboard bench's overview at 7 days answered in 269 ms at p95 with JIT,
 * ~20 ms without (bench/dashboard.bench.ts). PGlite has no JIT and ignores
 * the setting.
 */
export const SESSION_OPTIONS = "-c jit=off";
