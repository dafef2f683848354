import type { ReactNode } from "react";

/**
 * The rich-text tag for code a page shows as is in every language (an API
 * call, an option value, a metric label): monospace, and marked like stored
 * text (data-stored-text) so the language scan does not take it for English
 * left untranslated. Use as `t.rich("key", { code: verbatim })` with
 * `<code>{call}</code>` in the message.
 */
export function verbatim(chunks: ReactNode): ReactNode {
  return (
    <span className="font-mono" data-stored-text>
      {chunks}
    </span>
  );
}
