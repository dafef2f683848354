import Link from "next/link";
import type { ReactNode } from "react";

export type SortState = { sort: string; order: "asc" | "desc" };

/**
 * A column header that sorts the table by following a link (`?sort=&order=`,
 * as the API takes them): a second click on the sorted column reverses it.
 * `aria-sort` tells assistive tech which column is sorted and which way.
 */
export function SortHeader({
  column,
  current,
  href,
  isNumeric = false,
  children,
}: {
  column: string;
  current: SortState;
  href: (sort: SortState) => string;
  isNumeric?: boolean;
  children: ReactNode;
}) {
  const isSorted = current.sort === column;
  const next: SortState = { sort: column, order: isSorted && current.order === "desc" ? "asc" : "desc" };
  return (
    <th
      scope="col"
      aria-sort={isSorted ? (current.order === "asc" ? "ascending" : "descending") : undefined}
      className={`whitespace-nowrap px-3 py-2 font-medium ${isNumeric ? "text-right" : ""}`}
    >
      <Link href={href(next)} className={`hover:text-slate-100 ${isSorted ? "text-slate-100" : ""}`}>
        {children}
        <span aria-hidden className="ml-1 inline-block w-2 text-emerald-400">
          {isSorted ? (current.order === "asc" ? "↑" : "↓") : ""}
        </span>
      </Link>
    </th>
  );
}
