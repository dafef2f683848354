/**
 * Units used across lib/energy. Names carry their unit: `…Ms` milliseconds,
 * `…W` watts, `…Kwh` kilowatt-hours, `…Mj` millijoules
 * (dcgm's DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter).
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** 1 kWh = 1000 W × 3 600 000 ms. */
const WATT_MS_PER_KWH = 3.6e9;
/** 1 kWh = 3.6 MJ = 3.6e9 mJ. */
const MILLIJOULES_PER_KWH = 3.6e9;

/** Energy of `watts` drawn for `durationMs`, in kWh. */
export function wattMsToKwh(watts: number, durationMs: number): number {
  return (watts * durationMs) / WATT_MS_PER_KWH;
}

/** The constant power that delivers `kwh` over `durationMs`, in W. */
export function kwhToAverageW(kwh: number, durationMs: number): number {
  return (kwh * WATT_MS_PER_KWH) / durationMs;
}

export function millijoulesToKwh(mj: number): number {
  return mj / MILLIJOULES_PER_KWH;
}

/** kWh × gCO2e/kWh → kg CO2e. */
export function co2eKgOf(kwh: number, gCo2ePerKwh: number): number {
  return (kwh * gCo2ePerKwh) / 1000;
}

/**
 * Rounds for API answers. Sums of floating-point slices differ from the exact
 * value in the 12th digit; answers keep far more precision than meters have.
 */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const roundKwh = (kwh: number) => roundTo(kwh, 6);
export const roundMoney = (amount: number) => roundTo(amount, 4);
export const roundKg = (kg: number) => roundTo(kg, 6);
