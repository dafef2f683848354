import { useSyncExternalStore } from "react";

export type ColorScheme = "light" | "dark";

// The scheme in use is whatever globals.css resolved (the chosen theme, or the
// system's): read back from <html>'s computed `color-scheme`, so CSS stays the
// one place that decides it.
function readScheme(): ColorScheme {
  return getComputedStyle(document.documentElement).colorScheme === "light" ? "light" : "dark";
}

function subscribe(onChange: () => void): () => void {
  const attributes = new MutationObserver(onChange);
  attributes.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  const system = window.matchMedia("(prefers-color-scheme: light)");
  system.addEventListener("change", onChange);
  return () => {
    attributes.disconnect();
    system.removeEventListener("change", onChange);
  };
}

/** The colour scheme the page is drawn in now, following theme switches and system changes ("dark" on the server). */
export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, readScheme, () => "dark");
}

/** The same, once, outside React (chart configs are built in effects). */
export function currentColorScheme(): ColorScheme {
  return typeof document === "undefined" ? "dark" : readScheme();
}
