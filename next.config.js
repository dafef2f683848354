/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or WASM modules that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
