/**
 * A child process for bench/jobs.bench.ts: plain `model.fit` of the batch
 * jobs' network on random data of the same shape, nothing else. Run one, then
 * two at once: their ratio is how much this machine itself gains from a second
 * CPU-bound process — the ceiling for "two workers vs one".
 * Usage: tsx --conditions=react-server bench/plain-fit-process.ts <rows> <features> <epochs> <spec JSON>; prints the fit's ms.
 */
import { loadTrainingBackend } from "../lib/training/backend/backend";
import { buildModel } from "../lib/training/engine/model";
import { TrainingSpec } from "../lib/training/schemas";

const [rows, features, epochs] = process.argv.slice(2, 5).map(Number) as [number, number, number];
const spec = TrainingSpec.parse({ ...JSON.parse(process.argv[5]!), epochs });
const { tf } = await loadTrainingBackend();
const x = tf.randomNormal([rows, features], 0, 1, "float32", spec.seed);
const y = tf.randomUniform([rows, 1], 0, 1, "float32", spec.seed).round();
const model = buildModel(tf, spec, features, 2);
model.compile({ optimizer: tf.train.adam(spec.learningRate), loss: "binaryCrossentropy", metrics: ["accuracy"] });
await model.fit(x, y, { epochs: 1, batchSize: spec.batchSize, verbose: 0 }); // compile and warm up first
const t0 = performance.now();
await model.fit(x, y, { epochs: spec.epochs, batchSize: spec.batchSize, shuffle: true, verbose: 0 });
console.log(Math.round(performance.now() - t0));
process.exit(0);
