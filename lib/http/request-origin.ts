import "server-only";
import { headers } from "next/headers";

/** This Rackmind's address as the browser reached it (through a proxy too), for copy-paste examples on pages. */
export async function readRequestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
