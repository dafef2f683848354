/**
 * The serving bench's result line from its rounds: the median round's ratio
 * and p99s (warm-up rounds are reported, not counted), the target check,
 * CPU per request, the web port's figures and the batch-size distribution.
 */
import os from "node:os";
import { summariseBatches, type BatchSizes } from "./batch-sizes";
import type { LoadResult } from "./serving-processes";

export type Target = "serving" | "baseline" | "web";
export type Round = { target: Target; warmUp: boolean; load: LoadResult; serverCores: number; batches: BatchSizes };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1]! / 2 + s[s.length >> 1]! / 2 : NaN;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

export function report(
  rounds: Round[],
  run: { backend: string; engine: string; answerBytes: number; connections: number; secondsPerRound: number },
) {
  const counted = (t: Target) => rounds.filter((r) => r.target === t && !r.warmUp);
  const rps = (t: Target) => counted(t).map((r) => r.load.reqPerSec);
  const pairRatios = (t: Target) => counted(t).map((r, i) => r.load.reqPerSec / counted("baseline")[i]!.load.reqPerSec);
  const servingP99 = median(counted("serving").map((r) => r.load.p99));
  const failures = rounds.reduce((n, r) => n + r.load.non2xx + r.load.errors + r.load.timeouts, 0);
  const ratio = median(pairRatios("serving"));
  const web = counted("web");
  return {
    ratio: round2(ratio),
    meetsTarget: ratio >= 0.5 && servingP99 <= 20 && failures === 0,
    target: "serving req/s ≥ 0.5 × baseline req/s, serving p99 ≤ 20 ms, no failures",
    reqPerSec: { serving: Math.round(median(rps("serving"))), baseline: Math.round(median(rps("baseline"))) },
    p99Ms: {
      serving: servingP99,
      baseline: median(counted("baseline").map((r) => r.load.p99)),
      // The median round decides; the worst rounds show what a burst of other work on the machine did.
      servingWorstRound: Math.max(...counted("serving").map((r) => r.load.p99)),
      baselineWorstRound: Math.max(...counted("baseline").map((r) => r.load.p99)),
    },
    roundRatios: pairRatios("serving").map(round2),
    // The server's own CPU per answered request (µs), from /proc: steadier than req/s
    // when other work shares the machine, and what the load generator cannot hide.
    cpuMicrosPerRequest: {
      serving: Math.round(median(counted("serving").map((r) => (r.serverCores * 1e6) / r.load.reqPerSec))),
      baseline: Math.round(median(counted("baseline").map((r) => (r.serverCores * 1e6) / r.load.reqPerSec))),
    },
    failures,
    web: web.length
      ? {
          reqPerSec: Math.round(median(rps("web"))),
          p99Ms: median(web.map((r) => r.load.p99)),
          ratioToBaseline: round2(median(pairRatios("web"))),
          ratioToServing: round2(median(rps("web")) / median(rps("serving"))),
        }
      : null,
    batchSizes: {
      serving: summariseBatches(counted("serving").map((r) => r.batches)),
      web: web.length ? summariseBatches(web.map((r) => r.batches)) : null,
    },
    // What ran the model ("js": the plain-JS dense forward pass; "tfjs"), and the TF.js backend serving loaded.
    engine: run.engine,
    backend: run.backend,
    connections: run.connections,
    secondsPerRound: run.secondsPerRound,
    answerBytes: run.answerBytes,
    model: "banknote 4-32-16-1 relu/sigmoid, one instance per request",
    cores: os.availableParallelism(),
    rounds: rounds.map((r) => ({
      target: r.target,
      warmUp: r.warmUp,
      reqPerSec: Math.round(r.load.reqPerSec),
      p50: r.load.p50,
      p99: r.load.p99,
      max: r.load.max,
      serverCores: r.serverCores,
      loadGeneratorCores: round2(r.load.cores),
      cpuMicrosPerRequest: Math.round((r.serverCores * 1e6) / r.load.reqPerSec),
      failures: r.load.non2xx + r.load.errors + r.load.timeouts,
    })),
  };
}
