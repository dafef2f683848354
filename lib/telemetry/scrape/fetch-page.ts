import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { NetworkPolicy } from "./network-policy";

/**
 * GETs a scrape target's page under the network policy. Every connection —
 * the target's and any redirect's — is checked where it is made: a literal
 * address before the request, a host name in the DNS lookup the connection
 * uses (so a name can't resolve to an allowed address for a check and to
 * another for the connection). Errors are short fixed phrases: a target's
 * body, or an internal host's error text, is never echoed into lastError, the
 * UI or the logs.
 */

export const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 3;

/** What the caller expects back: its media type, and the most bytes it will read. */
export type FetchOptions = { accept?: string; maxBytes?: number };

/** A failure whose message is safe to store and show as it is. */
export class ScrapeError extends Error {}

function refused(address: string): ScrapeError {
  return new ScrapeError(`refused: ${address} is not in the allowed scrape networks`);
}

function checkedLookup(policy: NetworkPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const allowed = addresses.filter((a) => policy.allows(a.address));
      if (allowed.length === 0) return callback(refused(addresses[0]?.address ?? hostname), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "timed out",
};

/** Whether a failure from fetchScrapePage was the clock running out (connecting or reading), not a refusal. */
export function isTimedOut(err: unknown): boolean {
  return err instanceof ScrapeError && err.message === "timed out";
}

/** What a failed request may say about itself. */
export function safeMessage(err: unknown): string {
  if (err instanceof ScrapeError) return err.message;
  const code = (err as { code?: string }).code ?? "";
  if ((err as Error).name === "TimeoutError" || code === "ABORT_ERR") return "timed out";
  if (NETWORK_ERRORS[code]) return NETWORK_ERRORS[code]!;
  if (code.startsWith("ERR_TLS") || code.includes("CERT")) return "TLS handshake failed";
  return code ? `connection failed (${code})` : "connection failed";
}

function getOnce(url: URL, policy: NetworkPolicy, signal: AbortSignal, accept: string): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !policy.allows(host)) return Promise.reject(refused(host));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { lookup: checkedLookup(policy), signal, headers: { accept } }, resolve);
    req.on("error", reject);
  });
}

async function readBody(res: http.IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    res.destroy();
    throw new ScrapeError(`page of ${declared} bytes is over the ${maxBytes}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new ScrapeError(`page is over the ${maxBytes}-byte limit`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The page at `target`, following at most three redirects, each under the same
 * policy. Also what reads the operators' Prometheus (views/prometheus-series),
 * which asks for JSON and reads less.
 */
export async function fetchScrapePage(
  target: string,
  policy: NetworkPolicy,
  timeoutMs: number,
  { accept = "text/plain", maxBytes = MAX_BODY_BYTES }: FetchOptions = {},
): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(timeoutMs);
  let url = new URL(target);
  try {
    for (let hop = 0; ; hop++) {
      const res = await getOnce(url, policy, signal, accept);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (hop === MAX_REDIRECTS) throw new ScrapeError(`more than ${MAX_REDIRECTS} redirects`);
        const next = new URL(res.headers.location, url);
        if (next.protocol !== "http:" && next.protocol !== "https:")
          throw new ScrapeError("redirected to a URL that is not http(s)");
        url = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume(); // the body of an error page is not read, let alone kept
        throw new ScrapeError(`HTTP ${status}`);
      }
      return await readBody(res, maxBytes);
    }
  } catch (err) {
    throw new ScrapeError(safeMessage(err));
  }
}
