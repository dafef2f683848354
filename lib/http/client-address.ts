import { isIP } from "node:net";

/**
 * The client's IP address, for the audit log, or null when unknown.
 *
 * A Next.js route handler gets a Web Request without the socket, so the peer
 * address is not at hand; what there is are the headers: the first hop of
 * X-Forwarded-For, else X-Real-IP. Next's own server fills X-Forwarded-For
 * with the socket's address when a request arrives without one, so with no
 * proxy in front this is the peer; but a client that sends the header itself
 * is believed. A deployment that relies on these addresses must put a reverse
 * proxy in front that *sets* the header (nginx: `proxy_set_header
 * X-Forwarded-For $remote_addr;` — not `$proxy_add_x_forwarded_for`, which
 * keeps a client-supplied first hop). Anything that is not an IP address (with
 * or without a port) gives null rather than free text in the audit log.
 */
export function clientAddressOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0];
  return normaliseAddress(forwarded) ?? normaliseAddress(headers.get("x-real-ip") ?? undefined);
}

function normaliseAddress(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value || value.length > 64) return null;
  // "[2001:db8::1]:443" and "192.0.2.1:5678": some proxies include the port.
  const address =
    /^\[([^\]]+)\](?::\d+)?$/.exec(value)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value)?.[1] ?? value;
  if (!isIP(address)) return null;
  // A dual-stack socket reports IPv4 peers as ::ffff:192.0.2.1; record them as IPv4.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  return mapped ?? address;
}
