import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DCGM_DEFAULT_FIELDS, type DcgmFieldName } from "../../../../lib/telemetry/dcgm/fields";
import { formatSampleValue, renderDcgmPage, type DcgmPageGpu } from "../../../../lib/telemetry/dcgm/page";
import {
  parseDcgmBytes,
  parseDcgmText,
  visitDcgmBytes,
  visitDcgmText,
  type DcgmSample,
  type ParseResult,
  type SampleVisitor,
} from "../../../../lib/telemetry/dcgm/parser";
import { simulateGpuReadings } from "../../../../lib/demo/simulated-load";

// The maintained npm parser, as the reference. It ships CommonJS without types.
type LibraryFamily = { name: string; metrics: { value: string; labels?: Record<string, string> }[] };
const parseWithLibrary = createRequire(import.meta.url)("parse-prometheus-text-format") as (
  text: string,
) => LibraryFamily[];

const dcgmLabels =
  'gpu="0",UUID="GPU-927d7444-b45a-7c49-8402-5e686e46a026",pci_bus_id="00000000:00:09.0",device="nvidia0",' +
  'modelName="NVIDIA H100 80GB HBM3",Hostname="node-17",DCGM_FI_DRIVER_VERSION="535.183.01"';

// Every test runs against both entry points; the bytes are the text's UTF-8.
const parsers: [string, (text: string) => ParseResult][] = [
  ["parseDcgmText", parseDcgmText],
  ["parseDcgmBytes", (text) => parseDcgmBytes(Buffer.from(text))],
];

describe.each(parsers)("%s", (_name, parse) => {
  function only(text: string) {
    const { samples, rejected } = parse(text);
    expect(rejected).toEqual([]);
    expect(samples).toHaveLength(1);
    return samples[0]!;
  }

  function rejectionOf(line: string): string {
    const { samples, rejected } = parse(line);
    expect(samples).toEqual([]);
    expect(rejected).toHaveLength(1);
    return rejected[0]!.reason;
  }

  describe("labels", () => {
    it("reads a dcgm-exporter line with its labels in order", () => {
      const sample = only(`DCGM_FI_DEV_GPU_TEMP{${dcgmLabels}} 41\n`);
      expect(sample).toEqual({
        metric: "DCGM_FI_DEV_GPU_TEMP",
        labels: {
          gpu: "0",
          UUID: "GPU-927d7444-b45a-7c49-8402-5e686e46a026",
          pci_bus_id: "00000000:00:09.0",
          device: "nvidia0",
          modelName: "NVIDIA H100 80GB HBM3",
          Hostname: "node-17",
          DCGM_FI_DRIVER_VERSION: "535.183.01",
        },
        value: 41,
        timestampMs: null,
        line: 1,
      });
      expect(Object.keys(sample.labels)).toEqual([
        "gpu",
        "UUID",
        "pci_bus_id",
        "device",
        "modelName",
        "Hostname",
        "DCGM_FI_DRIVER_VERSION",
      ]);
    });

    it("keeps commas, spaces, '=', '{' and '}' inside label values", () => {
      const sample = only('m{pod="a, b = c",ns="x}y{z",c=" lead and trail "} 1');
      expect(sample.labels).toEqual({ pod: "a, b = c", ns: "x}y{z", c: " lead and trail " });
    });

    it('unescapes \\", \\\\ and \\n in label values', () => {
      const sample = only(String.raw`m{a="say \"hi\"",b="C:\\DIR\\FILE.TXT",c="line1\nline2",d="\\\""} 2`);
      expect(sample.labels).toEqual({ a: 'say "hi"', b: "C:\\DIR\\FILE.TXT", c: "line1\nline2", d: '\\"' });
    });

    it("accepts empty label values, as Kubernetes labels are for a GPU no pod holds", () => {
      expect(only(`DCGM_FI_DEV_GPU_UTIL{${dcgmLabels},container="",namespace="",pod=""} 0`).labels).toMatchObject({
        container: "",
        namespace: "",
        pod: "",
      });
    });

    it("reads metrics without labels, with {}, and with blanks and a trailing comma in the label set", () => {
      const { samples, rejected } = parse('up 1\nempty{} 2\nspaced { a = "1" , b="2", } 3\n\tindented\t4\t\n');
      expect(rejected).toEqual([]);
      expect(samples.map((s) => [s.metric, s.labels, s.value])).toEqual([
        ["up", {}, 1],
        ["empty", {}, 2],
        ["spaced", { a: "1", b: "2" }, 3],
        ["indented", {}, 4],
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

    it("shares one frozen label object between samples with the same label set, so no sample can change another's", () => {
      const { samples } = parse(`a{${dcgmLabels}} 1\nb{${dcgmLabels}} 2\nc{${dcgmLabels}} 3\n`);
      expect(samples[1]!.labels).toBe(samples[0]!.labels);
      expect(Object.isFrozen(samples[1]!.labels)).toBe(true);
      expect(() => {
        (samples[1]!.labels as Record<string, string>).gpu = "changed";
      }).toThrow(TypeError);
      expect(samples[2]!.labels.gpu).toBe("0");
    });

    it("does not reuse a repeated label set for a line that only starts like it", () => {
      const text = 'a{gpu="0"} 1\na{gpu="1"} 1\nb{gpu="0",x="y"} 2\nb{gpu="10"} 2\nc{gpu="1"} 3\nc{gpu="0"} 3\n';
      expect(parse(text).samples.map((s) => `${s.metric}${JSON.stringify(s.labels)}`)).toEqual([
        'a{"gpu":"0"}',
        'a{"gpu":"1"}',
        'b{"gpu":"0","x":"y"}',
        'b{"gpu":"10"}',
        'c{"gpu":"1"}',
        'c{"gpu":"0"}',
      ]);
    });
  });

  describe("values and timestamps", () => {
    it.each([
      ["41", 41],
      ["-7", -7],
      ["+5", 5],
      ["3.25", 3.25],
      ["-0.5", -0.5],
      [".5", 0.5],
      ["5.", 5],
      ["1e3", 1000],
      ["1.5E-3", 0.0015],
      ["-2.5e+2", -250],
      ["1.458255915e9", 1458255915],
      ["123456789012345678", Number("123456789012345678")],
      ["0.1234567890123456789", Number("0.1234567890123456789")],
      ["NaN", NaN],
      ["+Inf", Infinity],
      ["-Inf", -Infinity],
      ["Inf", Infinity],
    ])("reads the value %s", (text, value) => {
      expect(only(`m ${text}`).value).toBe(value);
    });

    it("reads -0 as negative zero", () => {
      expect(Object.is(only("m -0").value, -0)).toBe(true);
    });

    it.each(["0x1F", "0X10", "Infinity", "nan", "inf", "1_000", "1.2.3", "1e", "e5", "--1", "+", "12abc", "1,5"])(
      "rejects the value %s",
      (text) => {
        expect(rejectionOf(`m{a="b"} ${text}`)).toBe(`invalid value "${text}"`);
      },
    );

    it("reads an optional timestamp in ms, negative ones included", () => {
      expect(only(`m{a="b"} 1 1700000000123`).timestampMs).toBe(1700000000123);
      expect(only('something_weird{problem="division by zero"} +Inf -3982045').timestampMs).toBe(-3982045);
      expect(only("m 1   ").timestampMs).toBeNull();
    });

    it("rejects fractional timestamps and text after the timestamp", () => {
      expect(rejectionOf("m 1 17.5")).toBe('invalid timestamp "17.5"');
      expect(rejectionOf("m 1 17 extra")).toBe("unexpected text after the timestamp");
    });
  });

  describe("lines", () => {
    it("skips HELP, TYPE, other comments and blank lines, and numbers lines from 1", () => {
      const text =
        '# HELP m Help text.\n# TYPE m gauge\n\n   \n# just a comment\n#\nm 1\n  # indented comment\nm{a="b"} 2\n';
      expect(parse(text)).toEqual({
        samples: [
          { metric: "m", labels: {}, value: 1, timestampMs: null, line: 7 },
          { metric: "m", labels: { a: "b" }, value: 2, timestampMs: null, line: 9 },
        ],
        rejected: [],
      });
    });

    it("reads CRLF line ends", () => {
      const text = `# HELP m x\r\n# TYPE m gauge\r\nm{a="1"} 1\r\nm{a="2"} 2 1700000000000\r\n\r\nm 3\r\n`;
      const { samples, rejected } = parse(text);
      expect(rejected).toEqual([]);
      expect(samples.map((s) => [s.line, s.labels, s.value, s.timestampMs])).toEqual([
        [3, { a: "1" }, 1, null],
        [4, { a: "2" }, 2, 1700000000000],
        [6, {}, 3, null],
      ]);
    });

    it("reads a last line without a line feed", () => {
      expect(parse("m 1\nm 2").samples.map((s) => s.value)).toEqual([1, 2]);
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
      const { samples, rejected } = parse(lines.join("\n"));
      expect(samples.map((s) => [s.line, s.value])).toEqual([
        [1, 41],
        [6, 45],
        [13, 51],
      ]);
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
      const alphabet = [
        "m",
        "x",
        "_",
        ":",
        "1",
        ".",
        "e",
        "-",
        "+",
        " ",
        "\t",
        "{",
        "}",
        "=",
        '"',
        "\\",
        ",",
        "#",
        "\n",
        "\r",
        "N",
        "a",
        "I",
        "n",
        "f",
      ];
      let seed = 42;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let round = 0; round < 300; round++) {
        const text = Array.from(
          { length: 1 + Math.floor(next() * 200) },
          () => alphabet[Math.floor(next() * alphabet.length)],
        ).join("");
        const { samples, rejected } = parse(text);
        const lines = text.split("\n");
        const reported = [...samples.map((s) => s.line), ...rejected.map((r) => r.line)].sort((a, b) => a - b);
        const expected = lines
          .map((l, i) => ({ l: l.replace(/\r$/, "").replace(/^[ \t]+/, ""), n: i + 1 }))
          .filter(({ l }) => l !== "" && !l.startsWith("#") && !/^[ \t]*$/.test(l))
          .map(({ n }) => n);
        expect(reported).toEqual(expected);
      }
    });

    it("takes linear time on lines that open a label set and never close it", () => {
      // While finding a line's last '}' searched the lines before it too, 100k such lines took over 4 s.
      const started = performance.now();
      expect(parse("m{\n".repeat(200_000)).rejected).toHaveLength(200_000);
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });

  describe("against parse-prometheus-text-format", () => {
    // Label values Kubernetes would never produce, but a parser must survive.
    const tricky = [
      "",
      "a,b",
      "x y",
      "k=v",
      "}{",
      'say "hi"',
      "C:\\dir\\",
      "two\nlines",
      "é ü 🚀",
      '\\"}, x="y',
      "=",
      " ",
    ];
    const specialValues = [NaN, Infinity, -Infinity, -0.5, 1e21, 1.5e-7, 123456789012345680000, 0];

    function randomPage(seed: number, gpuCount: number): string {
      const { next, pick } = random(seed);
      const gpus = randomGpus(seed, gpuCount, { next, pick }, { containers: tricky, namespaces: tricky, pods: tricky });
      const values = new Map<string, number>();
      for (const g of gpus)
        for (const f of DCGM_DEFAULT_FIELDS)
          values.set(`${g.uuid}|${f.name}`, next() < 0.1 ? pick(specialValues) : Math.round(next() * 1e6) / 1000);
      return renderDcgmPage(gpus, { kubernetes: seed % 2 === 0, value: (g, f) => values.get(`${g.uuid}|${f.name}`)! });
    }

    function sortedLabels(labels: Record<string, string>): string {
      return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
    }

    /** One line per sample: metric, labels (sorted by name), value in Prometheus spelling. */
    function ours(text: string): string[] {
      const { samples, rejected } = parse(text);
      expect(rejected).toEqual([]);
      return samples.map((s) => `${s.metric} ${sortedLabels(s.labels)} ${formatSampleValue(s.value)}`).sort();
    }

    function theirs(text: string): string[] {
      const number = (v: string) => (v === "+Inf" ? Infinity : v === "-Inf" ? -Infinity : Number(v));
      return parseWithLibrary(text)
        .flatMap((family) =>
          family.metrics.map(
            (m) => `${family.name} ${sortedLabels(m.labels ?? {})} ${formatSampleValue(number(m.value))}`,
          ),
        )
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
});

/** A seeded LCG in [0, 1), and a pick over it. */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

/** GPUs, 8 a node, with seeded UUIDs and models, and Kubernetes labels drawn from `k8s` on about half. */
function randomGpus(
  seed: number,
  gpuCount: number,
  { next, pick }: ReturnType<typeof random>,
  k8s: { containers: readonly string[]; namespaces: readonly string[]; pods: readonly string[] },
): DcgmPageGpu[] {
  return Array.from({ length: gpuCount }, (_, i) => ({
    index: i % 8,
    uuid: `GPU-${seed}-${i}-${Math.floor(next() * 1e9).toString(16)}`,
    pciBusId: `00000000:${(0x18 + (i % 8) * 0x10).toString(16).toUpperCase()}:00.0`,
    modelName: pick(["NVIDIA H100 80GB HBM3", "NVIDIA A100-SXM4-40GB", "NVIDIA L40S"]),
    hostname: `node-${Math.floor(i / 8)}`,
    kubernetes:
      next() < 0.5
        ? null
        : { container: pick(k8s.containers), namespace: pick(k8s.namespaces), pod: `${pick(k8s.pods)}-${i}` },
  }));
}

describe("parseDcgmBytes(bytes) against parseDcgmText(new TextDecoder().decode(bytes))", () => {
  /** A dcgm-exporter page as the bench renders it, with pods (some with non-ASCII names) on some GPUs. */
  function simulatedPage(seed: number, gpuCount: number): string {
    const gpus = randomGpus(seed, gpuCount, random(seed), {
      containers: ["pytorch"],
      namespaces: ["ml-training", "équipe-ü"],
      pods: ["llama", "nœud-é 🚀"],
    });
    const atMs = Date.UTC(2026, 5, 1, 14);
    const readings = new Map(
      gpus.map((g) => [g.uuid, simulateGpuReadings({ uuid: g.uuid, model: g.modelName }, atMs)]),
    );
    return renderDcgmPage(gpus, { kubernetes: true, value: (g, f) => readings.get(g.uuid)![f.name as DcgmFieldName] });
  }

  function shuffled(lines: string[], seed: number): string[] {
    const { next } = random(seed);
    const out = [...lines];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** The page's lines with bad, odd and empty lines sprinkled between them, most of them made from the line they precede. */
  function sprinkled(lines: string[], seed: number): string[] {
    const { next, pick } = random(seed);
    const oddities: ((line: string) => string)[] = [
      (l) => l.slice(0, Math.max(1, l.indexOf("{")) + Math.floor(next() * 60)), // truncated, mostly in the label set
      (l) => l.replace(/ \S+$/, ` ${pick(["0x1F", "1e", "abc", "1,5", "Infinity", "--1", "nan"])}`),
      (l) =>
        l.replace(
          / \S+$/,
          ` ${pick(["+Inf", "-Inf", "NaN", "-0", ".5", "1.5e-7", "0.1234567890123456789", "123456789012345678"])}`,
        ),
      (l) => `${l} ${pick(["1700000000123", "-3982045", "17.5", "12345678901234567890", "1 extra", ""])}`,
      (l) => l.replace('="', pick(['="\\q', '="\\t', '="\\n', '="\\\\', '="\\"', '="\\', '="é\\🚀'])),
      (l) =>
        l.replace(
          /="[^"]*"/,
          pick(['="nœud-é 🚀"', '=""', '="a}b{c"', '="x", dup="1", dup="2"', "=unquoted", ' = "spaced" ']),
        ),
      (l) => l.replace('",', pick(['" ', '"", ', '",,', '",9x="1",'])),
      (l) => l.replace(/^\w+/, pick(["9metric", "bad-name", "ünicode", "m:ok", ""])),
      () => pick(["", "   ", "\t", "#", "# HELP x é", "  # indented", "{}", "m", "m{} ", "m 1 2 3", "\r"]),
    ];
    return lines.flatMap((line) => (next() < 0.15 ? [pick(oddities)(line), line] : [line]));
  }

  /** For each sample, the index of the first sample with the same label object. */
  function labelSharing({ samples }: ParseResult): number[] {
    const first = new Map<object, number>();
    return samples.map((s, i) => {
      if (!first.has(s.labels)) first.set(s.labels, i);
      return first.get(s.labels)!;
    });
  }

  function expectSameAsText(bytes: Uint8Array): ParseResult {
    const expected = parseDcgmText(new TextDecoder().decode(bytes));
    const actual = parseDcgmBytes(bytes);
    expect(actual).toStrictEqual(expected);
    expect(labelSharing(actual)).toEqual(labelSharing(expected));
    expect(actual.samples.every((s) => Object.isFrozen(s.labels))).toBe(true);
    // The visiting entry points (what ingest uses) hand over the same samples, in order.
    for (const visitPage of [
      (v: SampleVisitor) => visitDcgmBytes(bytes, v),
      (v: SampleVisitor) => visitDcgmText(new TextDecoder().decode(bytes), v),
    ]) {
      const samples: DcgmSample[] = [];
      const rejected = visitPage((metric, labels, value, timestampMs, line) =>
        samples.push({ metric, labels, value, timestampMs, line }),
      );
      expect({ samples, rejected }).toStrictEqual(expected);
    }
    return actual;
  }

  it.each([1, 2, 3])(
    "agrees on a generated page, its lines shuffled, with CRLF, and with bad lines sprinkled in (seed %i)",
    (seed) => {
      const lines = simulatedPage(seed, 48).split("\n");
      const { samples, rejected } = expectSameAsText(Buffer.from(lines.join("\n")));
      expect([samples.length, rejected.length]).toEqual([48 * DCGM_DEFAULT_FIELDS.length, 0]);
      expectSameAsText(Buffer.from(shuffled(lines, seed).join("\n")));
      expectSameAsText(Buffer.from(lines.join("\r\n")));
      const bad = sprinkled(lines, seed);
      expect(expectSameAsText(Buffer.from(bad.join("\n"))).rejected.length).toBeGreaterThan(20);
      expectSameAsText(Buffer.from(shuffled(bad, seed).join("\r\n")));
    },
  );

  it("shares label objects alike when a bad line has read a set again", () => {
    // Line 3 reads {x="1"} in full again (its last '}' is not the set's) before it is rejected; from then on
    // the text parser finds that second object for {x="1"}, and so must the byte parser.
    const { samples, rejected } = expectSameAsText(Buffer.from('a{x="1"} 1\nb{y="2"} 1\nb{x="1"} 1 }\nc{x="1"} 3\n'));
    expect(rejected).toEqual([{ line: 3, reason: 'invalid timestamp "}"' }]);
    expect(samples[2]!.labels).not.toBe(samples[0]!.labels);
  });

  it("agrees on invalid UTF-8 in label values, metric names and values, decoded to U+FFFD as TextDecoder does", () => {
    const invalid = [
      [0xff],
      [0xc3],
      [0xe2, 0x82],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x9f, 0x9a],
      [0x80, 0xbf],
      [0xf4, 0x90, 0x80, 0x80],
    ];
    const lines = simulatedPage(4, 16).split("\n");
    const parts = lines.flatMap((line, i) => {
      const bytes = invalid[i % invalid.length]!;
      const quote = line.indexOf('"');
      if (i % 3 !== 0 || quote === -1) return [Buffer.from(`${line}\n`)];
      // The line's number keeps values whose bytes differ from decoding alike, so label sets are shared alike too.
      const at = i % 9 === 0 ? 0 : i % 9 === 3 ? line.lastIndexOf(" ") + 1 : quote + 1;
      return [Buffer.from(line.slice(0, at)), Buffer.from(bytes), Buffer.from(`${i}${line.slice(at)}\n`)];
    });
    const { samples, rejected } = expectSameAsText(Buffer.concat(parts));
    expect(samples.some((s) => Object.values(s.labels).some((v) => v.includes("\ufffd")))).toBe(true);
    expect(rejected.some((r) => r.reason.includes("\ufffd"))).toBe(true);
  });

  it("drops a leading byte order mark, as TextDecoder does, but keeps one inside a label value", () => {
    const bom = [0xef, 0xbb, 0xbf];
    const { samples } = expectSameAsText(
      Buffer.from([...bom, ...Buffer.from('m{a="'), ...bom, ...Buffer.from('x"} 1\n')]),
    );
    expect(samples[0]!.labels).toEqual({ a: "\ufeffx" });
    expect(expectSameAsText(Buffer.from([...bom, ...bom, ...Buffer.from("m 1\n")])).rejected).toEqual([
      { line: 1, reason: 'invalid metric name: unexpected "\ufeff"' },
    ]);
  });

  it("reads a plain Uint8Array, also a view into the middle of a larger buffer", () => {
    const text = `x 0\nDCGM_FI_DEV_GPU_TEMP{${dcgmLabels}} 41\nDCGM_FI_DEV_GPU_TEMP{${dcgmLabels}} 42`;
    const encoded = new TextEncoder().encode(text);
    expect(parseDcgmBytes(encoded)).toStrictEqual(parseDcgmText(text));
    const view = encoded.subarray(4, encoded.length - 1);
    expect(expectSameAsText(view).samples.map((s) => s.value)).toEqual([41, 4]);
  });
});
