import createNextIntlPlugin from "next-intl/plugin";

// next-intl finds its per-request configuration (language, catalogue) in i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or WASM modules that must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pino",
    "pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    // TF.js loads in the worker's training threads only; if a server module ever
    // reaches it, Node must load it (native addon, .wasm files), not the bundler.
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-node",
    "@tensorflow/tfjs-backend-wasm",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (tsc --noEmit) before anything
  // else; the build skips it so a type error in a test or script can never stop
  // an operator's `npm start`, and the first start is faster.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
