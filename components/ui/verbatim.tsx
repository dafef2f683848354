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

/** `verbatim` in the bright text colour: a command's parts a reader types. */
export function verbatimBright(chunks: ReactNode): ReactNode {
  return (
    <span className="font-mono text-slate-100" translate="no">
      {chunks}
    </span>
  );
}

/** `verbatim` dimmed: a command's parts a reader leaves as they are. */
export function verbatimDim(chunks: ReactNode): ReactNode {
  return (
    <span className="font-mono text-slate-400" translate="no">
      {chunks}
    </span>
  );
}
