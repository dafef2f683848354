/**
 * Rack placement rules, as pure functions so the API, the CSV import and the
 * tests share them. U positions are 1-based from the bottom; a server at
 * positionU p with height h occupies U p … p+h-1.
 */
export type Slot = { hostname: string; positionU: number; heightU: number };

export function topU(slot: Pick<Slot, "positionU" | "heightU">): number {
  return slot.positionU + slot.heightU - 1;
}

/** Why a slot does not fit in a rack of `rackHeightU`, or null when it fits. */
export function outOfRackReason(slot: Slot, rackName: string, rackHeightU: number): string | null {
  if (slot.positionU < 1) return `${slot.hostname}: position U${slot.positionU} is below U1`;
  if (topU(slot) > rackHeightU) {
    return `${slot.hostname}: U${slot.positionU}–U${topU(slot)} does not fit in ${rackName} (${rackHeightU}U)`;
  }
  return null;
}

export function overlaps(a: Pick<Slot, "positionU" | "heightU">, b: Pick<Slot, "positionU" | "heightU">): boolean {
  return a.positionU <= topU(b) && b.positionU <= topU(a);
}

/** The first other server in the rack that `slot` would overlap, if any. */
export function findOverlap(slot: Slot, others: Slot[]): Slot | undefined {
  return others.find((o) => o.hostname !== slot.hostname && overlaps(slot, o));
}

export function overlapReason(slot: Slot, other: Slot, rackName: string): string {
  return `${slot.hostname}: U${slot.positionU}–U${topU(slot)} overlaps ${other.hostname} (U${other.positionU}–U${topU(other)}) in ${rackName}`;
}
