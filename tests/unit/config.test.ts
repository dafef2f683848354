import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getConfig, resetConfig } from "../../lib/config";

const saved = { ...process.env };

// Every variable lib/config.ts reads except NODE_ENV, which vitest sets.
const owned = [
  "DATABASE_URL",
  "RACKMIND_DATA_DIR",
  "PORT",
  "RACKMIND_SERVING_PORT",
  "RACKMIND_ADMIN_TOKEN",
  "RACKMIND_ADMIN_PASSWORD",
  "RACKMIND_METRICS_PUBLIC",
  "RACKMIND_DB_KIND",
  "RACKMIND_MAX_BODY_BYTES",
  "RACKMIND_SESSION_HOURS",
  "LOG_LEVEL",
];

beforeEach(() => {
  for (const name of owned) delete process.env[name];
  resetConfig();
});

afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
  resetConfig();
});

describe("getConfig", () => {
  it("fills in the documented defaults when nothing is set", () => {
    expect(getConfig()).toMatchObject({
      RACKMIND_DATA_DIR: "./.rackmind",
      PORT: 3000,
      RACKMIND_SERVING_PORT: 3001,
      RACKMIND_METRICS_PUBLIC: "0",
      RACKMIND_MAX_BODY_BYTES: 10 * 1024 * 1024,
      RACKMIND_SESSION_HOURS: 12,
      LOG_LEVEL: "info",
    });
    expect(getConfig().DATABASE_URL).toBeUndefined();
    expect(getConfig().RACKMIND_ADMIN_TOKEN).toBeUndefined();
  });

  it("reads numbers from their string values", () => {
    Object.assign(process.env, { PORT: "8080", RACKMIND_MAX_BODY_BYTES: "1024", RACKMIND_SESSION_HOURS: "0.5" });
    expect(getConfig()).toMatchObject({ PORT: 8080, RACKMIND_MAX_BODY_BYTES: 1024, RACKMIND_SESSION_HOURS: 0.5 });
  });

  it("treats empty strings as unset", () => {
    Object.assign(process.env, { PORT: "", RACKMIND_ADMIN_TOKEN: "", DATABASE_URL: "", LOG_LEVEL: "" });
    const config = getConfig();
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.RACKMIND_ADMIN_TOKEN).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each(["http", "0", "65536", "80.5"])("refuses PORT=%s", (port) => {
    process.env.PORT = port;
    expect(() => getConfig()).toThrow();
  });

  it("refuses an admin token shorter than 16 characters, saying why", () => {
    process.env.RACKMIND_ADMIN_TOKEN = "x".repeat(15);
    expect(() => getConfig()).toThrow(/RACKMIND_ADMIN_TOKEN must be at least 16 characters/);
  });

  it("accepts an admin token of 16 characters", () => {
    process.env.RACKMIND_ADMIN_TOKEN = "x".repeat(16);
    expect(getConfig().RACKMIND_ADMIN_TOKEN).toBe("x".repeat(16));
  });

  it("refuses an admin password shorter than 8 characters", () => {
    process.env.RACKMIND_ADMIN_PASSWORD = "short";
    expect(() => getConfig()).toThrow(/RACKMIND_ADMIN_PASSWORD must be at least 8 characters/);
  });

  it("refuses a DATABASE_URL that is not a URL", () => {
    process.env.DATABASE_URL = "rackmind on localhost";
    expect(() => getConfig()).toThrow();
  });

  it("parses once and keeps the result until resetConfig", () => {
    process.env.PORT = "4000";
    expect(getConfig().PORT).toBe(4000);
    process.env.PORT = "5000";
    expect(getConfig().PORT).toBe(4000);
    resetConfig();
    expect(getConfig().PORT).toBe(5000);
  });
});

describe("DATABASE_URL", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    resetConfig();
  });

  it("refuses host:port/db without a postgresql:// scheme, a common mistake that parses as a URL", () => {
    process.env.DATABASE_URL = "localhost:5432/rackmind";
    resetConfig();
    expect(() => getConfig()).toThrow(/postgresql:\/\//);
  });

  it("accepts postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://u@h/db", "postgresql://u:p@127.0.0.1:5432/db?sslmode=disable"]) {
      process.env.DATABASE_URL = url;
      resetConfig();
      expect(getConfig().DATABASE_URL).toBe(url);
    }
  });
});
