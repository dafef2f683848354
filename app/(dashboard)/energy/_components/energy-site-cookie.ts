// The site an operator last picked on the Energy page, so /energy opens on it
// again. Set by the site links (a client island), read by the page (a server
// component); a name that is no longer a site is ignored. No imports: the
// browser bundle must not pull in server modules.
export const ENERGY_SITE_COOKIE = "rackmind.energy-site";
const ONE_YEAR_S = 365 * 24 * 3600;

export function energySiteCookie(site: string): string {
  return `${ENERGY_SITE_COOKIE}=${encodeURIComponent(site)}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}

export function readEnergySiteCookie(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
