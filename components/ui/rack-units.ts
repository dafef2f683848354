/**
 * The rack units a device fills, as operators write them: "U27–U34", or "U5"
 * for a 1U device. Units count from the bottom; a device at positionU with
 * height h fills positionU … positionU + h - 1.
 */
export function formatRackUnits(positionU: number, heightU: number): string {
  return heightU > 1 ? `U${positionU}–U${positionU + heightU - 1}` : `U${positionU}`;
}
