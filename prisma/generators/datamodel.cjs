#!/usr/bin/env node
// A Prisma generator that writes the schema's datamodel (Prisma's DMMF) as JSON.
// The drift guard (tests/integration/db/drift.test.ts) compares it with the
// database that the hand-written migrations produce; Prisma's own diffing needs
// the native schema engine, which cannot be downloaded here.
const { generatorHandler } = require("@prisma/generator-helper");
const fs = require("node:fs");
const path = require("node:path");

generatorHandler({
  onManifest: () => ({
    prettyName: "Rackmind datamodel (drift guard)",
    defaultOutput: "../lib/generated/datamodel.json",
  }),
  onGenerate: async (options) => {
    const out = options.generator.output?.value;
    if (!out) throw new Error("datamodel generator: no output path");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(options.dmmf.datamodel, null, 2) + "\n");
  },
});
