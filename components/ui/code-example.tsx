import { ScrollArea } from "./scroll-area";

/**
 * A command or configuration a reader copies as is: a scrollable, labelled
 * block in monospace, marked translate="no" (it is the same in every language).
 */
export function CodeExample({ label, testId, children }: { label: string; testId?: string; children: string }) {
  return (
    <ScrollArea
      as="pre"
      label={label}
      className="overflow-x-auto rounded-md border border-slate-800 bg-slate-950/80 p-3 font-mono text-[12px] leading-5 text-slate-200"
      testId={testId}
    >
      <code translate="no">{children}</code>
    </ScrollArea>
  );
}
