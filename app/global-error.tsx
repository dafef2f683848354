"use client";

import { FailureDetails } from "@/components/ui/page-failure";
import { StandalonePage } from "@/components/ui/standalone-page";
import { mono, sans } from "./fonts";
import "./globals.css";

/**
 * The last boundary: the root layout itself failed, so this replaces it and
 * brings its own document, styles and fonts (nothing of the layout applies).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en" className={`${sans.variable} ${mono.variable}`}>
      <body className="font-sans">
        <title>Something went wrong · Rackmind</title>
        <StandalonePage title="Rackmind could not start this page" subtitle="Something went wrong on the way">
          <div role="alert" data-testid="page-error">
            <FailureDetails error={error} retry={retry} />
          </div>
        </StandalonePage>
      </body>
    </html>
  );
}
