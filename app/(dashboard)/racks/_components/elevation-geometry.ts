// Drawing units are CSS pixels at 100% zoom. One U is 18 px: enough for an
// 11 px hostname inside a 1U server, while a 42U rack still fits a laptop screen.
export const U_PX = 18;
export const WALL = 10;
export const RAIL = 30;
export const BAY = 360;
export const CAP = 22;
export const FOOT = 6;
export const WIDTH = 2 * (WALL + RAIL) + BAY;
export const BAY_X = WALL + RAIL;

export type Geometry = { heightU: number; patternId: string };

/** The y of the top edge of unit `u`: U1 is at the bottom, so higher units are drawn higher. */
export function yOfUnitTop(g: Geometry, u: number): number {
  return CAP + (g.heightU - u) * U_PX;
}

export function slotBox(g: Geometry, positionU: number, heightU: number) {
  return { y: yOfUnitTop(g, positionU + heightU - 1), height: heightU * U_PX };
}
