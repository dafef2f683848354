/**
 * `npm run train -- --csv data.csv --target 8 [options]`: cleans a CSV, trains
 * an MLP and prints the history and test metrics. No web app, no database: the
 * same lib/datasets and lib/training code the worker runs, and the same worker
 * thread. `npm run train -- --template xor-seed` runs a built-in template.
 *
 *   --csv PATH            the data (header row expected unless --no-header)
 *   --target COL          target column: 0-based index or name (default: last)
 *   --no-header           the first line is data; columns are c0..cN
 *   --ignore 0            columns to leave out (e.g. an id), comma separated
 *   --zero-missing 1,2    columns where 0 means "not measured"
 *   --hidden 16,8         hidden layer sizes ("" or "none": logistic regression)
 *   --activation relu     relu | tanh | sigmoid | elu
 *   --dropout 0           dropout rate after each hidden layer
 *   --optimizer adam      sgd | momentum | adam
 *   --lr 0.01             learning rate
 *   --epochs 50  --batch-size 32  --seed 1
 *   --early-stopping N    stop after N epochs without val-loss improvement
 *   --backend wasm        tensorflow | wasm | cpu (default: TFJS_BACKEND, else best available)
 *   --save DIR            write model.json + weights.bin (TF.js Layers format) to DIR
 *   --json                print one JSON object instead of tables
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { getConfig } from "../lib/config";
import { cleanDataset } from "../lib/datasets/clean";
import { prepareTrainingData } from "../lib/datasets/prepare";
import type { PreparedData } from "../lib/datasets/prepared";
import { writeLayersModelFiles } from "../lib/models/artifact";
import { judgeTraining } from "../lib/training/judge/outcome";
import { BackendName, TrainingSpec, type EpochMetrics } from "../lib/training/schemas";
import { getTemplate, templates } from "../lib/training/templates";
import { runTrainingThread } from "../lib/training/thread/thread-client";
import { toTrainingData } from "../lib/training/engine/training-data";

const { values } = parseArgs({
  options: {
    csv: { type: "string" },
    target: { type: "string" },
    "no-header": { type: "boolean", default: false },
    ignore: { type: "string" },
    "zero-missing": { type: "string" },
    hidden: { type: "string" },
    activation: { type: "string" },
    dropout: { type: "string" },
    optimizer: { type: "string" },
    lr: { type: "string" },
    epochs: { type: "string" },
    "batch-size": { type: "string" },
    seed: { type: "string" },
    "early-stopping": { type: "string" },
    backend: { type: "string" },
    template: { type: "string" },
    save: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const columnRef = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : s.trim());
const list = (s: string | undefined) =>
  s
    ? s
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)
        .map(columnRef)
    : [];
const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

function specFromFlags(base: Partial<TrainingSpec>): TrainingSpec {
  const hidden =
    values.hidden === undefined
      ? base.model?.hidden
      : ["", "none", "0"].includes(values.hidden)
        ? []
        : values.hidden.split(",").map(Number);
  return TrainingSpec.parse({
    ...base,
    model: {
      ...base.model,
      ...(hidden ? { hidden } : {}),
      ...(values.activation ? { activation: values.activation } : {}),
      ...(values.dropout ? { dropout: num(values.dropout) } : {}),
    },
    ...(values.optimizer ? { optimizer: values.optimizer } : {}),
    ...(values.lr ? { learningRate: num(values.lr) } : {}),
    ...(values.epochs ? { epochs: num(values.epochs) } : {}),
    ...(values["batch-size"] ? { batchSize: num(values["batch-size"]) } : {}),
    ...(values.seed ? { seed: num(values.seed) } : {}),
    ...(values["early-stopping"] ? { earlyStopping: { patience: num(values["early-stopping"]) } } : {}),
  });
}

async function loadData(): Promise<{ prepared: PreparedData; spec: TrainingSpec; source: string }> {
  if (values.template) {
    const template = getTemplate(values.template);
    if (!template)
      throw new Error(`unknown template ${values.template} (one of: ${templates.map((t) => t.id).join(", ")})`);
    return { prepared: template.data, spec: specFromFlags(template.spec), source: `template ${template.id}` };
  }
  if (!values.csv) throw new Error("give --csv PATH (or --template xor-seed | xor-adam)");
  const text = await readFile(values.csv, "utf8");
  const { cleaned, report } = cleanDataset(text, {
    header: !values["no-header"],
    ...(values.target !== undefined ? { target: columnRef(values.target) } : {}),
    ignore: list(values.ignore),
    zeroMissing: list(values["zero-missing"]),
  });
  const spec = specFromFlags({});
  const prepared = prepareTrainingData(cleaned, { seed: spec.seed, split: spec.split });
  return {
    prepared,
    spec,
    source: `${values.csv}: ${report.rows} rows (${report.duplicatesRemoved} duplicates removed)`,
  };
}

const fixed = (n: number | null, digits = 4) => (n === null ? "—" : n.toFixed(digits));

function printHistory(history: EpochMetrics[]): void {
  const step = Math.max(1, Math.ceil(history.length / 10));
  console.log("epoch  loss     valLoss  acc     valAcc  lr");
  history.forEach((h, i) => {
    if (i % step !== 0 && i !== history.length - 1) return;
    console.log(
      `${String(h.epoch).padStart(5)}  ${fixed(h.loss)}   ${fixed(h.valLoss)}   ${fixed(h.accuracy, 3)}   ${fixed(h.valAccuracy, 3)}  ${h.learningRate}`,
    );
  });
}

async function main(): Promise<void> {
  const { prepared, spec, source } = await loadData();
  const backend = values.backend ? BackendName.parse(values.backend) : undefined;
  const data = toTrainingData(prepared);
  let backendName = "";
  const t0 = performance.now();
  const result = await runTrainingThread(
    { spec, data, resumeFrom: null, preferredBackend: backend ?? getConfig().TFJS_BACKEND },
    { onBackend: (r) => (backendName = r.backend + (r.simd ? " (SIMD)" : "")) },
  );
  if (result.status !== "completed") throw new Error("training was cancelled");
  const seconds = (performance.now() - t0) / 1000;
  const { evaluation, convergence, verdict } = judgeTraining(spec, data, prepared.preprocessing.classes, result);
  if (values.save) await writeLayersModelFiles(values.save, { ...result.model, preprocessing: prepared.preprocessing });
  if (values.json) {
    console.log(
      JSON.stringify({
        source,
        backend: backendName,
        seconds,
        spec,
        history: result.history,
        evaluation,
        convergence,
        verdict,
        stoppedEarly: result.stoppedEarly,
        bestEpoch: result.bestEpoch,
      }),
    );
    return;
  }
  console.log(
    `${source}\nbackend ${backendName}, ${result.epoch} epochs in ${seconds.toFixed(1)} s${result.stoppedEarly ? ` (early stop; weights of epoch ${result.bestEpoch})` : ""}\n`,
  );
  printHistory(result.history);
  console.log(
    `\n${evaluation.split} split, ${evaluation.samples} rows: accuracy ${fixed(evaluation.accuracy)}  precision ${fixed(evaluation.precision)}  recall ${fixed(evaluation.recall)}  F1 ${fixed(evaluation.f1)} (${evaluation.average})${evaluation.rocAuc === null ? "" : `  ROC AUC ${fixed(evaluation.rocAuc)}`}`,
  );
  console.log(`confusion (rows actual, cols predicted; classes ${evaluation.classes.join(", ")}):`);
  for (const row of evaluation.confusion) console.log(`  ${row.map((v) => String(v).padStart(5)).join("")}`);
  console.log(
    convergence.converging
      ? `\nconvergence: ${convergence.reason}`
      : `\nNOT CONVERGING: ${convergence.reason} ${JSON.stringify(convergence.evidence)}\n  suggestion: ${convergence.suggestion}`,
  );
  console.log(
    `\nverdict: ${verdict.kind}. ${verdict.summary}\n${verdict.evidence.statements.map((s) => `  - ${s}`).join("\n")}`,
  );
  if (verdict.suggestion) console.log(`  suggestion: ${verdict.suggestion}`);
  if (values.save) console.log(`\nsaved model.json + weights.bin to ${values.save}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof z.ZodError)
      console.error(`invalid options: ${err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
