import Link from "next/link";
import type {
  ButtonHTMLAttributes,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";

// Plain elements with shared styling, usable from server forms (GET filters)
// and client islands alike; no state lives here.

const control =
  "block w-full rounded-md border border-slate-700 bg-slate-950/60 px-2.5 py-1.5 text-[13px] text-slate-100 " +
  "placeholder:text-slate-500 shadow-inner shadow-black/20 focus:border-emerald-500/70 focus:outline-none " +
  "focus:ring-2 focus:ring-emerald-500/20 disabled:opacity-60 aria-invalid:border-rose-500/70";

/**
 * A label above its control; `htmlFor` ties them so assistive tech (and getByLabel) find the control.
 * `error` is the message for the value in it (a client form's schema check), shown under the hint.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className = "",
  children,
}: {
  id: string;
  label: string;
  /** Text, or rich text when it quotes code (see verbatim). */
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-[11px] font-medium uppercase tracking-wider text-slate-400">
        {label}
      </label>
      {children}
      {hint && <p className="text-[11px] text-slate-500">{hint}</p>}
      <FieldError id={id} message={error} />
    </div>
  );
}

/** The message beside a control whose value its schema refuses; nothing when there is none. */
export function FieldError({ id, message, className = "" }: { id: string; message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p
      id={`${id}-error`}
      aria-live="polite"
      data-testid="field-error"
      data-field={id}
      className={`text-[11px] text-rose-300 ${className}`.trim()}
    >
      {message}
    </p>
  );
}

export function TextInput({ className = "", ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input type="text" {...props} className={`${control} ${className}`} />;
}

export function TextArea({ className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} className={`${control} font-mono text-[12px] ${className}`} />;
}

export function Select({ className = "", children, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select {...props} className={`${control} pr-8 ${className}`}>
      {children}
    </select>
  );
}

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

const variantClass: Record<ButtonVariant, string> = {
  primary: "bg-emerald-500 text-slate-950 hover:bg-emerald-400 focus-visible:ring-emerald-400/40",
  secondary:
    "border border-slate-700 bg-slate-800/70 text-slate-100 hover:bg-slate-700/70 focus-visible:ring-slate-400/30",
  danger: "border border-rose-500/40 bg-rose-500/10 text-rose-200 hover:bg-rose-500/20 focus-visible:ring-rose-400/30",
  ghost: "text-slate-300 hover:bg-slate-800 hover:text-slate-50 focus-visible:ring-slate-400/30",
};

const buttonBase =
  "inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md px-3 py-1.5 text-[13px] font-medium " +
  "transition-colors focus-visible:outline-none focus-visible:ring-2 disabled:cursor-not-allowed disabled:opacity-50";

export function Button({
  variant = "secondary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} {...props} className={`${buttonBase} ${variantClass[variant]} ${className}`} />;
}

/** A link that looks like a button (pagination, "clear filters"). */
export function ButtonLink({
  href,
  variant = "secondary",
  children,
}: {
  href: string;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  return (
    <Link href={href} className={`${buttonBase} ${variantClass[variant]}`}>
      {children}
    </Link>
  );
}

/**
 * A button-styled plain <a download> for files the API serves (CSV exports).
 * Not a Next <Link>: the target is an API response, not a page to navigate to.
 */
export function DownloadLink({
  href,
  variant = "secondary",
  children,
}: {
  href: string;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  return (
    <a href={href} download className={`${buttonBase} ${variantClass[variant]}`}>
      {children}
    </a>
  );
}
