import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkInput, invalidProps } from "../../../components/forms/schema-check";
import { CreateTargetInput } from "../../../lib/telemetry/schemas";
import { PutTariffInput } from "../../../lib/energy/schemas";

describe("checkInput", () => {
  it("keeps the message a schema gives itself", () => {
    const checked = checkInput(CreateTargetInput, { url: "ftp://node-17:9400/metrics", intervalSeconds: 30 });
    expect(checked).toMatchObject({ ok: false, errors: { url: "an http(s) URL such as http://node-17:9400/metrics" } });
  });

  it("rewords zod's own messages for limits and missing values", () => {
    const schema = z.object({
      name: z.string().min(1),
      count: z.number().int().min(5).max(10),
      tags: z.array(z.string()).min(1),
      kind: z.enum(["a", "b"]),
    });
    const checked = checkInput(schema, { name: "", count: 11, tags: [], kind: "c" });
    expect(checked).toMatchObject({
      ok: false,
      errors: { name: "required", count: "at most 10", tags: "at least 1 item", kind: "one of a, b" },
    });
    expect(checkInput(schema, { name: "x", count: 1.5, tags: ["t"], kind: "a" })).toMatchObject({
      errors: { count: "a whole number" },
    });
    expect(checkInput(schema, { name: "x", count: Number.NaN, tags: ["t"], kind: "a" })).toMatchObject({
      errors: { count: "a number" },
    });
    expect(checkInput(schema, { name: null, count: 5, tags: ["t"], kind: "a" })).toMatchObject({
      errors: { name: "required" },
    });
  });

  it("answers the parsed value when the input is good", () => {
    expect(checkInput(CreateTargetInput, { url: "http://node-17:9400/metrics", intervalSeconds: 15 })).toEqual({
      ok: true,
      data: { url: "http://node-17:9400/metrics", intervalSeconds: 15, enabled: true },
    });
  });

  it("files nested issues under the field fieldOf names, first message first, and lists them all in order", () => {
    const periods = [{ days: ["mon"], from: "07:10", to: "07:05", pricePerKwh: null }];
    const checked = checkInput(PutTariffInput, { periods }, (path) => `${String(path[1])}.${String(path[2])}`);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      "0.from": "hh:mm on a quarter hour, 00:00 to 24:00",
      "0.to": "hh:mm on a quarter hour, 00:00 to 24:00",
      "0.pricePerKwh": "required",
    });
    expect(checked.messages.map((m) => m.path.join("."))).toEqual([
      "periods.0.from",
      "periods.0.to",
      "periods.0.pricePerKwh",
    ]);
  });
});

describe("invalidProps", () => {
  it("marks a refused control invalid and points it at its message", () => {
    expect(invalidProps("target-url", "bad")).toEqual({ "aria-invalid": true, "aria-describedby": "target-url-error" });
    expect(invalidProps("target-url", undefined)).toEqual({});
  });
});

describe("checkInput in the reader's language", () => {
  const zhForms = JSON.parse(readFileSync(path.join(process.cwd(), "messages/zh-CN/forms.json"), "utf8"));
  const wording = createTranslator({ locale: "zh-CN", messages: { forms: zhForms }, namespace: "forms.wording" });

  it("says zod's own checks with the catalogue's words, and keeps a schema's own message", () => {
    const schema = z.object({ name: z.string().min(1), password: z.string().min(8), count: z.number().int() });
    const checked = checkInput(schema, { name: "", password: "short", count: 1.5 }, { wording });
    expect(checked).toMatchObject({
      ok: false,
      errors: { name: "必填", password: "至少 8 个字符", count: "须为整数" },
    });
    expect(
      checkInput(CreateTargetInput, { url: "ftp://x:9400/metrics", intervalSeconds: 30 }, { wording }),
    ).toMatchObject({ errors: { url: "an http(s) URL such as http://node-17:9400/metrics" } });
  });
});
