/**
 * dcgm-parse: parseDcgmText on a 1,000-GPU dcgm-exporter page (all default
 * fields, Kubernetes labels on half the GPUs) against the npm library
 * parse-prometheus-text-format on the same text in the same run.
 * ratio = our samples/s ÷ the library's samples/s, both from p50 wall time.
 *
 * CPU time is reported too: on a shared machine wall time also counts the
 * time other processes held the CPU. `shuffledPageSamplesPerSec` parses the
 * same lines in random order, where the parser cannot predict label sets from
 * the metric before and falls back to looking them up.
 *
 * Ingest receives bytes, so it pays for decoding them too:
 * `textWithDecodeSamplesPerSec` is parseDcgmText(buffer.toString("utf8")) and
 * `bytesSamplesPerSec` is parseDcgmBytes(buffer), which reads the same bytes
 * in place (`shuffledBytesSamplesPerSec`: on the shuffled page). The byte
 * parser runs last, so the text parser's numbers are those of a process that
 * uses only it, as before it existed.
 */
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { DCGM_DEFAULT_FIELDS, type DcgmFieldName } from "../lib/telemetry/dcgm/fields";
import { renderDcgmPage, type DcgmPageGpu } from "../lib/telemetry/dcgm/page";
import { parseDcgmBytes, parseDcgmText } from "../lib/telemetry/dcgm/parser";
import { simulateGpuReadings } from "../lib/demo/simulated-load";
import { percentile } from "./stats";

// The library ships CommonJS without types; this is the one call we use.
type LibraryFamily = { name: string; metrics: unknown[] };
const parseWithLibrary = createRequire(import.meta.url)("parse-prometheus-text-format") as (
  text: string,
) => LibraryFamily[];

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
  const readings = new Map(gpus.map((g) => [g.uuid, simulateGpuReadings({ uuid: g.uuid, model: g.modelName }, AT_MS)]));
  const page = renderDcgmPage(gpus, {
    kubernetes: true,
    value: (gpu, field) => readings.get(gpu.uuid)![field.name as DcgmFieldName],
  });
  // A scraped body is one flat string; rendering built it by concatenation.
  return Buffer.from(page).toString();
}

function shuffledLines(text: string): string {
  const lines = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  let seed = 1;
  for (let i = lines.length - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return `${lines.join("\n")}\n`;
}

/** Sorted wall and CPU milliseconds of n runs after `warmup` runs. */
function measure(fn: () => unknown, n: number, warmup: number): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const perSecond = (samples: number, sortedMs: number[]) => Math.round(samples / (percentile(sortedMs, 50) / 1000));

function checkCounts(text: string, samples: number): void {
  const ours = parseDcgmText(text);
  const theirs = parseWithLibrary(text).reduce((n, family) => n + family.metrics.length, 0);
  if (ours.samples.length !== samples || ours.rejected.length > 0 || theirs !== samples) {
    throw new Error(
      `expected ${samples} samples, got ${ours.samples.length} (${ours.rejected.length} rejected) and ${theirs} from the library`,
    );
  }
}

function checkBytes(buffer: Buffer): void {
  if (!isDeepStrictEqual(parseDcgmBytes(buffer), parseDcgmText(buffer.toString("utf8"))))
    throw new Error("parseDcgmBytes disagrees with parseDcgmText");
}

export async function run() {
  const text = benchPage();
  const shuffled = shuffledLines(text);
  const buffer = Buffer.from(text);
  const shuffledBuffer = Buffer.from(shuffled);
  const samples = GPUS * DCGM_DEFAULT_FIELDS.length;
  checkCounts(text, samples);
  const parser = measure(() => parseDcgmText(text), 80, 10);
  const library = measure(() => parseWithLibrary(text), 12, 3);
  const unpredicted = measure(() => parseDcgmText(shuffled), 30, 5);
  const textWithDecode = measure(() => parseDcgmText(buffer.toString("utf8")), 40, 5);
  checkBytes(buffer);
  checkBytes(shuffledBuffer);
  const bytes = measure(() => parseDcgmBytes(buffer), 80, 10);
  const shuffledBytes = measure(() => parseDcgmBytes(shuffledBuffer), 30, 5);
  const parserSamplesPerSec = perSecond(samples, parser.wall);
  const librarySamplesPerSec = perSecond(samples, library.wall);
  return {
    ratio: Math.round((parserSamplesPerSec / librarySamplesPerSec) * 10) / 10,
    samples,
    pageBytes: Buffer.byteLength(text),
    parserSamplesPerSec,
    librarySamplesPerSec,
    parserMs: {
      p50: percentile(parser.wall, 50),
      p95: percentile(parser.wall, 95),
      cpuP50: percentile(parser.cpu, 50),
    },
    libraryMs: {
      p50: percentile(library.wall, 50),
      p95: percentile(library.wall, 95),
      cpuP50: percentile(library.cpu, 50),
    },
    parserCpuSamplesPerSec: perSecond(samples, parser.cpu),
    libraryCpuSamplesPerSec: perSecond(samples, library.cpu),
    shuffledPageSamplesPerSec: perSecond(samples, unpredicted.wall),
    textWithDecodeSamplesPerSec: perSecond(samples, textWithDecode.wall),
    bytesSamplesPerSec: perSecond(samples, bytes.wall),
    textWithDecodeMs: {
      p50: percentile(textWithDecode.wall, 50),
      p95: percentile(textWithDecode.wall, 95),
      cpuP50: percentile(textWithDecode.cpu, 50),
    },
    bytesMs: { p50: percentile(bytes.wall, 50), p95: percentile(bytes.wall, 95), cpuP50: percentile(bytes.cpu, 50) },
    bytesCpuSamplesPerSec: perSecond(samples, bytes.cpu),
    shuffledBytesSamplesPerSec: perSecond(samples, shuffledBytes.wall),
  };
}
