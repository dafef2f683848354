/**
 * dcgm-parse: parseDcgmText on a 1,000-GPU dcgm-exporter page (all default
 * fields, Kubernetes labels on half the GPUs) against the npm library
 * parse-prometheus-text-format on the same text in the same run.
 * ratio = our samples/s ÷ the library's samples/s (higher is better).
 */
import { createRequire } from "node:module";
import { DCGM_DEFAULT_FIELDS } from "../lib/telemetry/dcgm-fields";
import { renderDcgmPage, type DcgmPageGpu } from "../lib/telemetry/dcgm-page";
import { parseDcgmText } from "../lib/telemetry/dcgm-parser";
import { simulateGpuReadings } from "../lib/telemetry/simulated-load";
import { percentile, time } from "./stats";

// The library ships CommonJS without types; this is the one call we use.
type LibraryFamily = { name: string; metrics: unknown[] };
const parseWithLibrary = createRequire(import.meta.url)("parse-prometheus-text-format") as (text: string) => LibraryFamily[];

const GPUS = 1000;
const GPUS_PER_HOST = 8;
const AT_MS = Date.UTC(2026, 5, 1, 14);

function benchPage(): string {
  const gpus: DcgmPageGpu[] = Array.from({ length: GPUS }, (_, i) => ({
    index: i % GPUS_PER_HOST,
    uuid: `GPU-${(0x10000000 + i * 7919).toString(16)}-b45a-7c49-8402-5e686e46a026`,
    pciBusId: `00000000:${(0x18 + (i % GPUS_PER_HOST) * 0x10).toString(16).toUpperCase()}:00.0`,
    modelName: "NVIDIA H100 80GB HBM3",
    hostname: `node-${String(Math.floor(i / GPUS_PER_HOST)).padStart(4, "0")}`,
    kubernetes: i % 2 === 0 ? { container: "pytorch", namespace: "ml-training", pod: `llama-ft-worker-${i}` } : null,
  }));
  const readings = gpus.map((g) => simulateGpuReadings({ uuid: g.uuid, model: g.modelName }, AT_MS));
  const byUuid = new Map(gpus.map((g, i) => [g.uuid, readings[i]!]));
  return renderDcgmPage(gpus, { kubernetes: true, value: (gpu, field) => byUuid.get(gpu.uuid)![field.name as keyof (typeof readings)[number]] });
}

export async function run() {
  const text = benchPage();
  const samples = GPUS * DCGM_DEFAULT_FIELDS.length;
  const ours = parseDcgmText(text);
  const theirs = parseWithLibrary(text).reduce((n, family) => n + family.metrics.length, 0);
  if (ours.samples.length !== samples || ours.rejected.length > 0 || theirs !== samples) {
    throw new Error(`expected ${samples} samples, got ${ours.samples.length} (${ours.rejected.length} rejected) and ${theirs} from the library`);
  }
  const parserMs = await time(async () => parseDcgmText(text), 60, 10);
  const libraryMs = await time(async () => parseWithLibrary(text), 12, 3);
  const parserSamplesPerSec = Math.round(samples / (percentile(parserMs, 50) / 1000));
  const librarySamplesPerSec = Math.round(samples / (percentile(libraryMs, 50) / 1000));
  return {
    ratio: Math.round((parserSamplesPerSec / librarySamplesPerSec) * 10) / 10,
    samples,
    pageBytes: Buffer.byteLength(text),
    parserSamplesPerSec,
    librarySamplesPerSec,
    parserMs: { p50: percentile(parserMs, 50), p95: percentile(parserMs, 95) },
    libraryMs: { p50: percentile(libraryMs, 50), p95: percentile(libraryMs, 95) },
  };
}
