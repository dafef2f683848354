import pino from "pino";

// Structured JSON logs on stdout; `npm start` pipes them through unchanged so a
// log shipper can read them. LOG_LEVEL is read directly (not via getConfig) so
// that logging works even when the rest of the environment fails to parse.
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: process.env.RACKMIND_PROCESS ?? "rackmind" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["*.password", "*.token", "*.authorization", "*.cookie"], censor: "[redacted]" },
});
