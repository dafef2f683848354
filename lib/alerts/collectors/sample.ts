import type { CodedText } from "../../i18n/coded-text";

/** What a check found true now, for one label set: the evaluator turns these into alerts. */
export type Sample = {
  labels: Record<string, string>;
  /** The figure that crossed the threshold (°C, %, PUE, ms…), or null when there is none (an event). */
  value: number | null;
  /** Words for a person, in English. */
  summary: string;
  /** The same as a catalogue key (states.alert.*) and values, so each reader sees it in their language. */
  summaryCode?: CodedText;
  /** The page to look at first (a path in the console). */
  link: string;
};

export type CollectContext = { now: Date; staleAfterMinutes: number };
