import { hrefWith } from "./pager";

// The dashboard's addresses for inventory things, in one place so every page
// links a server or rack the same way.

export function serverHref(hostname: string): string {
  return `/servers/${encodeURIComponent(hostname)}`;
}

/** A rack's elevation; `highlight` outlines one of its servers there. */
export function rackHref(site: string, rack: string, highlight?: string): string {
  return hrefWith(`/racks/${encodeURIComponent(site)}/${encodeURIComponent(rack)}`, { highlight });
}

/** A GPU's page; `range` picks the charts' time range (e.g. "6h"). */
export function gpuHref(uuid: string, range?: string): string {
  return hrefWith(`/gpus/${encodeURIComponent(uuid)}`, { range });
}
