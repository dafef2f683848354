import { CodedTextView } from "./coded-text";

type Cause = { code: string; text: string; params?: Record<string, string | number> };

/**
 * A GPU's health reason in the reader's language: each cause from the
 * catalogue (states.health.<code>) when it was recorded with its values, else
 * its stored English (an operator's own words, or a cause from before codes);
 * the stored reason when no causes were recorded at all.
 */
export function HealthCausesText({
  causes,
  reason,
  empty = "—",
}: {
  causes: readonly Cause[];
  reason: string | null;
  empty?: string;
}) {
  if (causes.length === 0) return reason ? <span data-stored-text>{reason}</span> : <>{empty}</>;
  return (
    <>
      {causes.map((c, i) => (
        <span key={`${c.code}-${i}`}>
          {i > 0 && "; "}
          <CodedTextView value={c.params ? { code: `health.${c.code}`, params: c.params } : null} fallback={c.text} />
        </span>
      ))}
    </>
  );
}
