// Entry of the training worker thread. Plain JavaScript on purpose: a worker
// thread does not inherit the parent's TypeScript loader reliably (Node 20
// ignores `--import tsx` in a Worker's execArgv for the entry, and vitest's
// transform does not reach threads at all), so this file registers tsx itself
// and then loads the TypeScript body. Nothing bundles it: only
// lib/training/thread/thread-client.ts names it, at run time, in the worker process.
import { register } from "tsx/esm/api";

register();
await import("./thread.ts");
