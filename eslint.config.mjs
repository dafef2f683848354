// ESLint: TypeScript rules, React hooks, and the house's import boundaries.
// `npm run lint` runs it; `npm test` fails on any error.
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import clientImports from "./eslint/client-imports.mjs";

// The rooms of the house, by path. `serving` arrives with the deployments issue.
const elements = [
  { type: "app", pattern: "app/**", partialMatch: false },
  { type: "components", pattern: "components/**", partialMatch: false },
  { type: "lib-generated", pattern: "lib/generated/**", partialMatch: false },
  { type: "lib", pattern: "lib/**", partialMatch: false },
  { type: "worker", pattern: "worker/**", partialMatch: false },
  { type: "serving", pattern: "serving/**", partialMatch: false },
  { type: "scripts", pattern: "scripts/**", partialMatch: false },
  { type: "bench", pattern: "bench/**", partialMatch: false },
  { type: "tests", pattern: "tests/**", partialMatch: false },
  { type: "prisma", pattern: "prisma/**", partialMatch: false },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", ".test-tmp/**", ".rackmind/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` is how the code says "deliberately unused" (destructuring a field away).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "error",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    // Which room may import which. Anything not allowed is refused.
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/include": [
        "app/**",
        "components/**",
        "lib/**",
        "worker/**",
        "serving/**",
        "scripts/**",
        "bench/**",
        "tests/**",
      ],
      "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            // lib/ is the core: it never reaches up into pages, components, processes or tests.
            { from: { element: { type: "lib" } }, allow: to("lib", "lib-generated") },
            { from: { element: { type: "components" } }, allow: to("components", "lib", "lib-generated") },
            { from: { element: { type: "app" } }, allow: to("app", "components", "lib", "lib-generated") },
            { from: { element: { type: "worker" } }, allow: to("worker", "lib", "lib-generated") },
            // The serving data plane takes only what predicting needs: no pages, no job queue, no telemetry ingest.
            { from: { element: { type: "serving" } }, allow: to("serving", "lib", "lib-generated") },
            { from: { element: { type: "scripts" } }, allow: to("scripts", "lib", "lib-generated", "worker") },
            // Benchmarks measure route handlers as Next calls them, so they may import app/api.
            {
              from: { element: { type: "bench" } },
              allow: to("bench", "lib", "lib-generated", "app", "scripts", "tests", "worker", "serving"),
            },
            {
              from: { element: { type: "tests" } },
              allow: to(
                "tests",
                "lib",
                "lib-generated",
                "app",
                "components",
                "worker",
                "scripts",
                "bench",
                "prisma",
                "serving",
              ),
            },
          ],
        },
      ],
    },
  },
  {
    // Pages and components never load TF.js or the worker: training runs in the worker's threads only.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@tensorflow/*"],
              message: "TF.js loads in the worker's training threads only, never in the web app.",
            },
            {
              group: ["**/worker/**", "@/worker/**"],
              message: "The web app talks to the worker through the database, not by importing it.",
            },
            {
              group: ["**/lib/training/thread/**", "**/lib/training/backend/backend", "**/lib/training/engine/**"],
              message: "Training code runs in the worker; the web app reads run records.",
            },
          ],
        },
      ],
    },
  },
  {
    // Client components ("use client") run in the browser: no database, no Prisma client, no pg.
    plugins: { rackmind: { rules: { "client-imports": clientImports } } },
    files: ["app/**/*.tsx", "components/**/*.tsx", "app/**/*.ts", "components/**/*.ts"],
    rules: { "rackmind/client-imports": "error" },
  },
  {
    // Tests read answers whose shape the test itself checks; `any` there is the point.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Prisma loads generators as CommonJS.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Processes, scripts and benchmarks print to the terminal on purpose.
    files: ["scripts/**", "bench/**", "tests/**", "eslint/**", "prisma/**"],
    rules: { "no-console": "off" },
  },
);
