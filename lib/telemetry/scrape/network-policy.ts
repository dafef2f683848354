import { BlockList, isIP } from "node:net";
import type { Principal } from "../../auth/principal";
import { readSettings, writeSettings } from "../../settings/stored-settings";
import { ScrapeNetworks, type UpdateScrapeNetworks } from "./network-schemas";

/**
 * Where scrape targets may be: an admin-set allow-list of networks. A scrape
 * target is a URL the worker fetches from inside the datacenter, so without a
 * list anyone who may add targets could make the worker reach the cloud
 * metadata service (169.254.169.254), a database on loopback or any internal
 * admin page (SSRF). The default allows the private ranges nodes live in;
 * loopback and link-local are refused unless an admin lists them.
 */

const KEY = "scrape-networks";

export const getScrapeNetworks = (): Promise<ScrapeNetworks> => readSettings(KEY, ScrapeNetworks);

export async function updateScrapeNetworks(input: UpdateScrapeNetworks, actor: Principal): Promise<ScrapeNetworks> {
  const next = ScrapeNetworks.parse({ ...(await getScrapeNetworks()), ...input });
  const saved = await writeSettings(KEY, next, actor, { action: "telemetry.scrape_networks_update", details: input });
  cached = null;
  return saved;
}

export type NetworkPolicy = { allows: (address: string) => boolean; allowed: string[] };

/** "::ffff:10.0.0.1" is 10.0.0.1: a mapped address must not slip past an IPv4 rule. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

export function networkPolicy(allowed: string[]): NetworkPolicy {
  const list = new BlockList();
  for (const cidr of allowed) {
    const [net, bits] = cidr.split("/") as [string, string];
    list.addSubnet(net, Number(bits), isIP(net) === 6 ? "ipv6" : "ipv4");
  }
  return {
    allowed,
    allows: (address) => {
      const a = unmapped(address);
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

let cached: { policy: NetworkPolicy; at: number } | null = null;

/** The current policy, re-read every few seconds (an admin's change reaches every worker within that). */
export async function currentNetworkPolicy(): Promise<NetworkPolicy> {
  if (cached && Date.now() - cached.at < 5_000) return cached.policy;
  const policy = networkPolicy((await getScrapeNetworks()).allowed);
  cached = { policy, at: Date.now() };
  return policy;
}
