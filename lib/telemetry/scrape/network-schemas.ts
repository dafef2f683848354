import { z } from "zod";
import { partialUpdate } from "../../partial-update";

/** An IPv4 or IPv6 network in CIDR notation, e.g. 10.0.0.0/8 or fd00::/8. */
export const Cidr = z.union([z.cidrv4(), z.cidrv6()], {
  error: "a network in CIDR notation, such as 10.0.0.0/8 or fd00::/8",
});

/** Private ranges (RFC 1918, carrier-grade NAT, IPv6 unique local): where dcgm-exporters usually are. */
export const DEFAULT_SCRAPE_NETWORKS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"];

export const ScrapeNetworks = z
  .object({
    allowed: z.array(Cidr).max(256).default(DEFAULT_SCRAPE_NETWORKS).meta({
      description:
        "Networks scrape targets may resolve to. Loopback (127.0.0.0/8, ::1) and link-local (169.254.0.0/16, where cloud metadata lives; fe80::/10) are refused unless listed here.",
    }),
  })
  .meta({ id: "ScrapeNetworks" });
export type ScrapeNetworks = z.infer<typeof ScrapeNetworks>;

export const UpdateScrapeNetworks = partialUpdate(ScrapeNetworks).meta({ id: "UpdateScrapeNetworks" });
export type UpdateScrapeNetworks = z.infer<typeof UpdateScrapeNetworks>;
