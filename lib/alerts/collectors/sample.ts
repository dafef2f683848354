/** What a check found true now, for one label set: the evaluator turns these into alerts. */
export type Sample = {
  labels: Record<string, string>;
  /** The figure that crossed the threshold (°C, %, PUE, ms…), or null when there is none (an event). */
  value: number | null;
  /** Words for a person. */
  summary: string;
  /** The page to look at first (a path in the console). */
  link: string;
};

export type CollectContext = { now: Date; staleAfterMinutes: number };
