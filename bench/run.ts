/**
 * `npm run bench -- <name>`: runs bench/<name>.ts. Each benchmark measures its
 * subject and a baseline in the same run and returns their ratio; the last line
 * printed is one JSON object {"bench": name, "ratio": x, ...}.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (one of: ${available.join(", ")})`);
  process.exit(2);
}
process.env.LOG_LEVEL ??= "warn";
const mod = (await import(path.join(import.meta.dirname, `${name}.bench.ts`))) as {
  run: () => Promise<{ ratio: number } & Record<string, unknown>>;
};
const result = await mod.run();
console.log(JSON.stringify({ bench: name, ...result }));
process.exit(0);
