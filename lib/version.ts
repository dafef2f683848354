import pkg from "../package.json" with { type: "json" };

/** The running Rackmind version, from package.json. */
export const version: string = pkg.version;
