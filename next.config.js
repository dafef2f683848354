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
  // Security headers on every page and API answer; the pages' Content-Security-Policy carries a
  // per-request nonce and is set in proxy.ts. HSTS only where the request came over TLS (through a
  // proxy that says so): sent over plain HTTP it would be ignored, and on a bare IP it misleads.
  async headers() {
    const always = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    ];
    return [
      { source: "/:path*", headers: always },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
  // `npm test` type-checks the whole repository (tsc --noEmit) before anything
  // else; the build skips it so a type error in a test or script can never stop
  // an operator's `npm start`, and the first start is faster.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
