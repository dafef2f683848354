"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A box that scrolls its content (give it the overflow classes). While the
 * content does overflow it is a named, focusable region, so a keyboard can
 * reach and scroll it (WCAG 2.1.1); while it fits it adds no Tab stop.
 * `as="pre"` for code and logs that scroll themselves.
 */
export function ScrollArea({
  label,
  as: Element = "div",
  className = "",
  testId,
  children,
}: {
  label: string;
  as?: "div" | "pre";
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const [isScrollable, setIsScrollable] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () =>
      setIsScrollable(box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1);
    measure();
    // The box resizes with the window; its content with new rows or lines.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of Array.from(box.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [children]);
  return (
    <Element
      ref={ref as React.RefObject<HTMLDivElement & HTMLPreElement>}
      className={className}
      data-testid={testId}
      {...(isScrollable ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      {children}
    </Element>
  );
}
