/**
 * The colour theme a person chose: "light" or "dark", remembered in a cookie
 * the root layout reads into `data-theme` on <html> (so the server's first
 * paint is already right, with no script); no cookie means "system", which
 * globals.css answers from `prefers-color-scheme`.
 */
export const THEME_COOKIE = "rackmind-theme";
export const themeChoices = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof themeChoices)[number];

/** The `data-theme` value for a cookie's value: only an explicit choice sets one. */
export function themeAttribute(cookieValue: string | undefined): "light" | "dark" | undefined {
  return cookieValue === "light" || cookieValue === "dark" ? cookieValue : undefined;
}
