/**
 * A small seeded PRNG (mulberry32) whose whole state is one uint32, so the
 * training loop can put it in a checkpoint and a resumed run draws exactly the
 * numbers the uninterrupted run would have drawn.
 */
export type Prng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, 2^31). Used as a seed for TF.js initialisers and dropout. */
  nextSeed(): number;
  /** The state to store; `createPrng(0, state)` continues from here. */
  state(): number;
};

export function createPrng(seed: number, state?: number): Prng {
  // Mix the seed so seeds 1, 2, 3 … do not start on neighbouring states.
  let s = state ?? Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const nextUint32 = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    next: () => nextUint32() / 4294967296,
    nextSeed: () => nextUint32() >>> 1,
    state: () => s,
  };
}

/** Fisher–Yates shuffle of 0..n-1 driven by `prng`. */
export function shuffledIndices(n: number, prng: Prng): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(prng.next() * (i + 1));
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}
