import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ScrollArea } from "./scroll-area";

/**
 * Dense data table primitives. The wrapper scrolls sideways so wide tables never break the layout;
 * while it does scroll, the keyboard can reach it (ScrollArea).
 */
export function Table({ label, children }: { label: string; children: ReactNode }) {
  const t = useTranslations("common.table");
  return (
    <ScrollArea label={t("scrollsSideways", { label })} className="overflow-x-auto">
      <table aria-label={label} className="w-full border-collapse text-left text-[13px]">
        {children}
      </table>
    </ScrollArea>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-slate-800 bg-slate-900/80 text-[11px] uppercase tracking-wider text-slate-400">
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({ children, isNumeric = false }: { children?: ReactNode; isNumeric?: boolean }) {
  return (
    <th scope="col" className={`whitespace-nowrap px-3 py-2 font-medium ${isNumeric ? "text-right" : ""}`}>
      {children}
    </th>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-800/70">{children}</tbody>;
}

/** A totals row under the body. */
export function TFoot({ children }: { children: ReactNode }) {
  return (
    <tfoot className="border-t border-slate-700/80 bg-slate-900/60 font-medium">
      <tr>{children}</tr>
    </tfoot>
  );
}

export function Tr({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <tr data-testid={testId} className="transition-colors hover:bg-slate-800/40">
      {children}
    </tr>
  );
}

export function Td({
  children,
  isMono = false,
  isNumeric = false,
  isMuted = false,
  className = "",
}: {
  children?: ReactNode;
  isMono?: boolean;
  isNumeric?: boolean;
  isMuted?: boolean;
  className?: string;
}) {
  const classes = [
    "px-3 py-1.5 align-middle",
    // Identifiers (hostnames, prefixes) must not break mid-name.
    isMono ? "whitespace-nowrap font-mono text-[12px]" : "",
    isNumeric ? "text-right tabular-nums" : "",
    isMuted ? "text-slate-400" : "text-slate-200",
    className,
  ];
  return <td className={classes.join(" ")}>{children}</td>;
}

/** The one row shown when a table has nothing to show, so the header never floats alone. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-8 text-center text-sm text-slate-400">
        {children}
      </td>
    </tr>
  );
}
