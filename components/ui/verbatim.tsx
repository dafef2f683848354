import type { ReactNode } from "react";

/**
 * The rich-text tag for code a page shows as is in every language (an API
 * call, an option value, a metric label): monospace, and marked with HTML's
 * translate="no", which also tells the language scan it is not English left
 * untranslated. Use as `t.rich("key", { code: verbatim })` with
 * `<code>{call}</code>` in the message.
 */
export function verbatim(chunks: ReactNode): ReactNode {
  return (
    <span className="font-mono" translate="no">
      {chunks}
    </span>
  );
}
