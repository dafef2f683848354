"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { energySiteCookie } from "./energy-site-cookie";

/** A link to a site's energy that remembers the pick (a cookie), so /energy opens on that site next time. */
export function SiteLink({
  site,
  href,
  className,
  isCurrent,
  children,
}: {
  site: string;
  href: string;
  className: string;
  isCurrent: boolean;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={className}
      onClick={() => {
        document.cookie = energySiteCookie(site);
      }}
    >
      {children}
    </Link>
  );
}
