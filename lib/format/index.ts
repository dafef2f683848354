// The one place numbers, units, durations and dates become text, per
// interface language. Pure functions: server components pass the locale from
// getLocale(), client islands from useLocale().
export * from "./numbers";
export * from "./times";
export * from "./units";
