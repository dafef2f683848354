/**
 * An instant as ISO-8601 UTC, the same form the API uses, so what operators
 * read on screen can be pasted into a query. Milliseconds are dropped from the
 * text (kept in the title) because they only add noise in a table.
 */
export function UtcTime({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  if (!iso) return <span className="text-slate-500">{fallback}</span>;
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap font-mono text-[12px] tabular-nums">
      {iso.replace(/\.\d{3}Z$/, "Z")}
    </time>
  );
}
