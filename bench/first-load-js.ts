import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuild } from "../scripts/launcher/build";

export type FirstLoadJs = { route: string; kbGzip: number; kbRaw: number; files: number };

/**
 * The JavaScript a browser downloads to show `route` from a production build
 * (built first when the sources changed): the framework's root chunks plus
 * every chunk the route's segments (root and group layouts, their error and
 * not-found boundaries, the page) name in the build's client reference
 * manifest. Chunks loaded later on demand are not counted; polyfills are only
 * for browsers without modules. Sizes gzipped here, as the server sends them.
 */
export function measureFirstLoadJs(root: string, route: string): FirstLoadJs {
  ensureBuild(root, (msg) => process.stderr.write(`${msg}\n`));
  const next = path.join(root, ".next");
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const key = `/${route}/page`.replace(/\/+/g, "/");
  const holder = globalThis as unknown as {
    __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }>;
  };
  holder.__RSC_MANIFEST = {};
  // The manifest is a script that assigns itself to a global.
  new Function(readFileSync(path.join(next, "server/app", `${route}/page_client-reference-manifest.js`), "utf8"))();
  const manifest = holder.__RSC_MANIFEST[key];
  if (!manifest) throw new Error(`no client reference manifest for ${key} in the build`);
  const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const body = readFileSync(path.join(next, file));
    raw += body.length;
    gz += gzipSync(body).length;
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { route, kbGzip: kb(gz), kbRaw: kb(raw), files: files.size };
}
