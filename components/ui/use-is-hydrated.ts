import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has hydrated the page, true
 * after. A button whose work is all in JavaScript is disabled until then: a
 * click before hydration would otherwise be lost without a word (sign-in now
 * ends in a full page load, so the shell's buttons hydrate after it appears).
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
