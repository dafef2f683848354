import { z } from "zod";

/**
 * mulberry32: a tiny 32-bit seeded PRNG, uniform in [0, 1). Not for secrets;
 * chosen because it is deterministic across platforms and Node versions
 * (Math.random cannot be seeded).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place with the given generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export const SplitProportions = z
  .object({
    train: z.number().gt(0).lte(1).default(0.7),
    validation: z.number().min(0).lt(1).default(0.15),
    test: z.number().min(0).lt(1).default(0.15),
  })
  .refine((p) => Math.abs(p.train + p.validation + p.test - 1) < 1e-6, {
    message: "train + validation + test must add up to 1",
  });
export type SplitProportions = z.infer<typeof SplitProportions>;

export const SplitOptions = z.object({ seed: z.number().int() }).and(SplitProportions);
export type SplitOptions = z.input<typeof SplitOptions>;

export type SplitIndices = { train: number[]; validation: number[]; test: number[] };

const PARTS = ["train", "validation", "test"] as const;

/**
 * Splits row indexes into train/validation/test so that each class appears in
 * each part in the requested proportions (stratified), deterministically: the
 * same labels and seed always give the same indexes. Each class is shuffled
 * with mulberry32(seed) and cut; a class's leftover rows after rounding down go
 * to the parts furthest below their overall share so far, so small classes do
 * not all round the same way. Indexes come back sorted ascending.
 */
export function stratifiedSplit(labels: readonly (number | string)[], options: SplitOptions): SplitIndices {
  const { seed, ...proportions } = SplitOptions.parse(options);
  const shares = PARTS.map((p) => proportions[p]);
  const random = mulberry32(seed);
  const byClass = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const key = `${typeof label}:${label}`;
    const rows = byClass.get(key);
    if (rows) rows.push(i);
    else byClass.set(key, [i]);
  });
  const out: SplitIndices = { train: [], validation: [], test: [] };
  const allocated = [0, 0, 0];
  let seen = 0;
  // Class order is fixed (sorted keys) so the generator's draws do not depend on row order.
  for (const key of [...byClass.keys()].sort()) {
    const rows = shuffle(byClass.get(key)!, random);
    seen += rows.length;
    const counts = allocate(rows.length, shares, seen, allocated);
    let start = 0;
    PARTS.forEach((part, p) => {
      out[part].push(...rows.slice(start, start + counts[p]!));
      start += counts[p]!;
      allocated[p]! += counts[p]!;
    });
  }
  for (const part of PARTS) out[part].sort((a, b) => a - b);
  return out;
}

/** Rounds n·share down per part, then hands out the remainder to the parts most behind their share of all rows seen so far. */
function allocate(n: number, shares: number[], seen: number, allocated: number[]): number[] {
  const counts = shares.map((s) => Math.floor(n * s + 1e-9));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const behind = shares.map((s, p) => seen * s - (allocated[p]! + counts[p]!));
  const order = [0, 1, 2].filter((p) => shares[p]! > 0).sort((a, b) => behind[b]! - behind[a]! || a - b);
  for (const p of order) {
    if (left === 0) break;
    counts[p]!++;
    left--;
  }
  return counts;
}
