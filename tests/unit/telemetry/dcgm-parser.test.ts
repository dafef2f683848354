import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DCGM_DEFAULT_FIELDS } from "../../../lib/telemetry/dcgm-fields";
import { formatSampleValue, renderDcgmPage, type DcgmPageGpu } from "../../../lib/telemetry/dcgm-page";
import { parseDcgmText } from "../../../lib/telemetry/dcgm-parser";

// The maintained npm parser, as the reference. It ships CommonJS without types.
type LibraryFamily = { name: string; metrics: { value: string; labels?: Record<string, string> }[] };
const parseWithLibrary = createRequire(import.meta.url)("parse-prometheus-text-format") as (text: string) => LibraryFamily[];

const dcgmLabels =
  'gpu="0",UUID="GPU-927d7444-b45a-7c49-8402-5e686e46a026",pci_bus_id="00000000:00:09.0",device="nvidia0",' +
  'modelName="NVIDIA H100 80GB HBM3",Hostname="node-17",DCGM_FI_DRIVER_VERSION="535.183.01"';

function only(text: string) {
  const { samples, rejected } = parseDcgmText(text);
  expect(rejected).toEqual([]);
  expect(samples).toHaveLength(1);
  return samples[0]!;
}

function rejectionOf(line: string): string {
  const { samples, rejected } = parseDcgmText(line);
  expect(samples).toEqual([]);
  expect(rejected).toHaveLength(1);
  return rejected[0]!.reason;
}

describe("parseDcgmText: labels", () => {
  it("reads a dcgm-exporter line with its labels in order", () => {
    const sample = only(`DCGM_FI_DEV_GPU_TEMP{${dcgmLabels}} 41\n`);
    expect(sample).toEqual({
      metric: "DCGM_FI_DEV_GPU_TEMP",
      labels: {
        gpu: "0", UUID: "GPU-927d7444-b45a-7c49-8402-5e686e46a026", pci_bus_id: "00000000:00:09.0", device: "nvidia0",
        modelName: "NVIDIA H100 80GB HBM3", Hostname: "node-17", DCGM_FI_DRIVER_VERSION: "535.183.01",
      },
      value: 41, timestampMs: null, line: 1,
    });
    expect(Object.keys(sample.labels)).toEqual(["gpu", "UUID", "pci_bus_id", "device", "modelName", "Hostname", "DCGM_FI_DRIVER_VERSION"]);
  });

  it("keeps commas, spaces, '=', '{' and '}' inside label values", () => {
    const sample = only('m{pod="a, b = c",ns="x}y{z",c=" lead and trail "} 1');
    expect(sample.labels).toEqual({ pod: "a, b = c", ns: "x}y{z", c: " lead and trail " });
  });

  it("unescapes \\\", \\\\ and \\n in label values", () => {
    const sample = only(String.raw`m{a="say \"hi\"",b="C:\\DIR\\FILE.TXT",c="line1\nline2",d="\\\""} 2`);
    expect(sample.labels).toEqual({ a: 'say "hi"', b: "C:\\DIR\\FILE.TXT", c: "line1\nline2", d: '\\"' });
  });

  it("accepts empty label values, as Kubernetes labels are for a GPU no pod holds", () => {
    expect(only(`DCGM_FI_DEV_GPU_UTIL{${dcgmLabels},container="",namespace="",pod=""} 0`).labels).toMatchObject({ container: "", namespace: "", pod: "" });
  });

  it("reads metrics without labels, with {}, and with blanks and a trailing comma in the label set", () => {
    const { samples, rejected } = parseDcgmText('up 1\nempty{} 2\nspaced { a = "1" , b="2", } 3\n\tindented\t4\t\n');
    expect(rejected).toEqual([]);
    expect(samples.map((s) => [s.metric, s.labels, s.value])).toEqual([
      ["up", {}, 1], ["empty", {}, 2], ["spaced", { a: "1", b: "2" }, 3], ["indented", {}, 4],
    ]);
  });

  it("keeps other unicode as is", () => {
    expect(only('m{host="nœud-é 🚀"} 1').labels).toEqual({ host: "nœud-é 🚀" });
  });

  it("stores a label named __proto__ as a label, not as the prototype", () => {
    const { labels } = only('m{__proto__="x"} 1');
    expect(Object.keys(labels)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  });

  it("gives every sample its own label object, also when label sets repeat across metrics", () => {
    const { samples } = parseDcgmText(`a{${dcgmLabels}} 1\nb{${dcgmLabels}} 2\nc{${dcgmLabels}} 3\n`);
    samples[1]!.labels.gpu = "changed";
    expect(samples[0]!.labels.gpu).toBe("0");
    expect(samples[2]!.labels.gpu).toBe("0");
  });

  it("does not reuse a repeated label set for a line that only starts like it", () => {
    const text = 'a{gpu="0"} 1\na{gpu="1"} 1\nb{gpu="0",x="y"} 2\nb{gpu="10"} 2\nc{gpu="1"} 3\nc{gpu="0"} 3\n';
    expect(parseDcgmText(text).samples.map((s) => `${s.metric}${JSON.stringify(s.labels)}`)).toEqual([
      'a{"gpu":"0"}', 'a{"gpu":"1"}', 'b{"gpu":"0","x":"y"}', 'b{"gpu":"10"}', 'c{"gpu":"1"}', 'c{"gpu":"0"}',
    ]);
  });
});

describe("parseDcgmText: values and timestamps", () => {
  it.each([
    ["41", 41], ["-7", -7], ["+5", 5], ["3.25", 3.25], ["-0.5", -0.5], [".5", 0.5], ["5.", 5], ["1e3", 1000], ["1.5E-3", 0.0015],
    ["-2.5e+2", -250], ["1.458255915e9", 1458255915], ["123456789012345678", 123456789012345678], ["0.1234567890123456789", 0.1234567890123456789],
    ["NaN", NaN], ["+Inf", Infinity], ["-Inf", -Infinity], ["Inf", Infinity],
  ])("reads the value %s", (text, value) => {
    expect(only(`m ${text}`).value).toBe(value);
  });

  it("reads -0 as negative zero", () => {
    expect(Object.is(only("m -0").value, -0)).toBe(true);
  });

  it.each(["0x1F", "0X10", "Infinity", "nan", "inf", "1_000", "1.2.3", "1e", "e5", "--1", "+", "12abc", "1,5"])("rejects the value %s", (text) => {
    expect(rejectionOf(`m{a="b"} ${text}`)).toBe(`invalid value "${text}"`);
  });

  it("reads an optional timestamp in ms, negative ones included", () => {
    expect(only(`m{a="b"} 1 1700000000123`).timestampMs).toBe(1700000000123);
    expect(only("something_weird{problem=\"division by zero\"} +Inf -3982045").timestampMs).toBe(-3982045);
    expect(only("m 1   ").timestampMs).toBeNull();
  });

  it("rejects fractional timestamps and text after the timestamp", () => {
    expect(rejectionOf("m 1 17.5")).toBe('invalid timestamp "17.5"');
    expect(rejectionOf("m 1 17 extra")).toBe("unexpected text after the timestamp");
  });
});

describe("parseDcgmText: lines", () => {
  it("skips HELP, TYPE, other comments and blank lines, and numbers lines from 1", () => {
    const text = "# HELP m Help text.\n# TYPE m gauge\n\n   \n# just a comment\n#\nm 1\n  # indented comment\nm{a=\"b\"} 2\n";
    expect(parseDcgmText(text)).toEqual({
      samples: [{ metric: "m", labels: {}, value: 1, timestampMs: null, line: 7 }, { metric: "m", labels: { a: "b" }, value: 2, timestampMs: null, line: 9 }],
      rejected: [],
    });
  });

  it("reads CRLF line ends", () => {
    const text = `# HELP m x\r\n# TYPE m gauge\r\nm{a="1"} 1\r\nm{a="2"} 2 1700000000000\r\n\r\nm 3\r\n`;
    const { samples, rejected } = parseDcgmText(text);
    expect(rejected).toEqual([]);
    expect(samples.map((s) => [s.line, s.labels, s.value, s.timestampMs])).toEqual([
      [3, { a: "1" }, 1, null], [4, { a: "2" }, 2, 1700000000000], [6, {}, 3, null],
    ]);
  });

  it("reads a last line without a line feed", () => {
    expect(parseDcgmText("m 1\nm 2").samples.map((s) => s.value)).toEqual([1, 2]);
  });

  it("reports each malformed line with its number and reason and keeps parsing the lines around it", () => {
    const lines = [
      `DCGM_FI_DEV_GPU_TEMP{${dcgmLabels}} 41`, // 1 good
      'DCGM_FI_DEV_GPU_TEMP{gpu="1",UUID="GPU-unterminated} 42', // 2
      'DCGM_FI_DEV_GPU_TEMP{gpu="2"}', // 3 missing value
      'DCGM_FI_DEV_GPU_TEMP{gpu="3"} 0x2A', // 4 hex
      "this is not a metric line", // 5
      'DCGM_FI_DEV_GPU_TEMP{gpu="5"} 45', // 6 good
      'DCGM_FI_DEV_GPU_TEMP{gpu="6",gpu="6"} 46', // 7
      'DCGM_FI_DEV_GPU_TEMP{gpu="7" UUID="x"} 47', // 8
      'DCGM_FI_DEV_GPU_TEMP{gpu="8",bad\\q="x"} 48', // 9
      'DCGM_FI_DEV_GPU_TEMP{gpu="9",a="\\t"} 49', // 10
      "9metric 1", // 11
      "bad-name 1", // 12
      'DCGM_FI_DEV_GPU_TEMP{gpu="11",} 51', // 13 good
      "DCGM_FI_DEV_GPU_TEMP{gpu=11} 52", // 14
      'DCGM_FI_DEV_GPU_TEMP{gpu="13"', // 15
      "{}", // 16
      "", // 17
    ];
    const { samples, rejected } = parseDcgmText(lines.join("\n"));
    expect(samples.map((s) => [s.line, s.value])).toEqual([[1, 41], [6, 45], [13, 51]]);
    expect(rejected).toEqual([
      { line: 2, reason: "unterminated label value" },
      { line: 3, reason: "missing value" },
      { line: 4, reason: 'invalid value "0x2A"' },
      { line: 5, reason: 'invalid value "is"' },
      { line: 7, reason: "duplicate label gpu" },
      { line: 8, reason: "expected ',' or '}' after the value of label gpu" },
      { line: 9, reason: "expected '=' after label name bad" },
      { line: 10, reason: "invalid escape sequence \\t in label value" },
      { line: 11, reason: 'invalid metric name: unexpected "9"' },
      { line: 12, reason: 'invalid metric name: unexpected "-"' },
      { line: 14, reason: `expected '"' to open the value of label gpu` },
      { line: 15, reason: "unterminated label set" },
      { line: 16, reason: 'invalid metric name: unexpected "{"' },
    ]);
  });

  it("never throws, and reports every non-blank, non-comment line once, on arbitrary input", () => {
    const alphabet = ['m', 'x', '_', ':', '1', '.', 'e', '-', '+', ' ', '\t', '{', '}', '=', '"', '\\', ',', '#', '\n', '\r', 'N', 'a', 'I', 'n', 'f'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 200) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      const { samples, rejected } = parseDcgmText(text);
      const lines = text.split("\n");
      const reported = [...samples.map((s) => s.line), ...rejected.map((r) => r.line)].sort((a, b) => a - b);
      const expected = lines.map((l, i) => ({ l: l.replace(/\r$/, "").replace(/^[ \t]+/, ""), n: i + 1 })).filter(({ l }) => l !== "" && !l.startsWith("#") && !/^[ \t]*$/.test(l)).map(({ n }) => n);
      expect(reported).toEqual(expected);
    }
  });
});

describe("parseDcgmText against parse-prometheus-text-format", () => {
  // Label values Kubernetes would never produce, but a parser must survive.
  const tricky = ["", "a,b", "x y", "k=v", "}{", 'say "hi"', "C:\\dir\\", "two\nlines", "é ü 🚀", '\\"}, x="y', "=", " "];
  const specialValues = [NaN, Infinity, -Infinity, -0.5, 1e21, 1.5e-7, 123456789012345680000, 0];

  function randomPage(seed: number, gpuCount: number): string {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const gpus: DcgmPageGpu[] = Array.from({ length: gpuCount }, (_, i) => ({
      index: i % 8,
      uuid: `GPU-${seed}-${i}-${Math.floor(next() * 1e9).toString(16)}`,
      pciBusId: `00000000:${(0x18 + (i % 8) * 0x10).toString(16).toUpperCase()}:00.0`,
      modelName: pick(["NVIDIA H100 80GB HBM3", "NVIDIA A100-SXM4-40GB", "NVIDIA L40S"]),
      hostname: `node-${Math.floor(i / 8)}`,
      kubernetes: next() < 0.5 ? null : { container: pick(tricky), namespace: pick(tricky), pod: `${pick(tricky)}-${i}` },
    }));
    const values = new Map<string, number>();
    for (const g of gpus) for (const f of DCGM_DEFAULT_FIELDS) values.set(`${g.uuid}|${f.name}`, next() < 0.1 ? pick(specialValues) : Math.round(next() * 1e6) / 1000);
    return renderDcgmPage(gpus, { kubernetes: seed % 2 === 0, value: (g, f) => values.get(`${g.uuid}|${f.name}`)! });
  }

  function sortedLabels(labels: Record<string, string>): string {
    return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** One line per sample: metric, labels (sorted by name), value in Prometheus spelling. */
  function ours(text: string): string[] {
    const { samples, rejected } = parseDcgmText(text);
    expect(rejected).toEqual([]);
    return samples.map((s) => `${s.metric} ${sortedLabels(s.labels)} ${formatSampleValue(s.value)}`).sort();
  }

  function theirs(text: string): string[] {
    const number = (v: string) => (v === "+Inf" ? Infinity : v === "-Inf" ? -Infinity : Number(v));
    return parseWithLibrary(text)
      .flatMap((family) => family.metrics.map((m) => `${family.name} ${sortedLabels(m.labels ?? {})} ${formatSampleValue(number(m.value))}`))
      .sort();
  }

  it.each([1, 2, 3, 4, 5, 6])("agrees on a generated 64-GPU page with every default field (seed %i)", (seed) => {
    const text = randomPage(seed, 64);
    const expected = theirs(text);
    expect(expected).toHaveLength(64 * DCGM_DEFAULT_FIELDS.length);
    expect(ours(text)).toEqual(expected);
  });

  it("agrees on a page whose lines are shuffled, so no label set follows from the metric before", () => {
    const lines = randomPage(8, 32).split("\n");
    let state = 8;
    for (let i = lines.length - 1; i > 0; i--) {
      state = (state * 16807) % 2147483647;
      const j = state % (i + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    // The trailing LF matters: without one the library drops the last sample.
    const text = `${lines.filter((l) => l !== "" && !l.startsWith("#")).join("\n")}\n`;
    expect(ours(text)).toEqual(theirs(text));
  });

  it("agrees on the same page with CRLF line ends", () => {
    const text = randomPage(7, 16).replace(/\n/g, "\r\n");
    expect(ours(text)).toEqual(theirs(text));
  });
});
