import { describe, expect, it } from "vitest";
import { apiFieldErrors } from "../../../components/forms/api-field-errors";
import type { ApiFailure } from "../../../components/ui/api-request";

const failure = (details: unknown, message = "refused"): ApiFailure => ({
  ok: false,
  status: 422,
  code: "unprocessable_entity",
  message,
  details,
});

describe("apiFieldErrors", () => {
  it("puts each 422 issue beside the field its path starts with, the first message per field", () => {
    const errors = apiFieldErrors(
      failure([
        { path: "password", message: "at least 8 characters", code: "too_small" },
        { path: "password", message: "second", code: "custom" },
        { path: "periods.0.from", message: "a time", code: "custom" },
      ]),
      ["password", "periods"],
    );
    expect(errors).toEqual({ password: "at least 8 characters", periods: "a time" });
  });

  it("puts a service's refusal beside details.field, and a unique conflict beside details.fields", () => {
    expect(apiFieldErrors(failure({ field: "role" }, "last admin"), ["role"])).toEqual({ role: "last admin" });
    expect(apiFieldErrors(failure({ fields: "name" }, "taken"), ["name", "role"])).toEqual({ name: "taken" });
  });

  it("names nothing for fields the form does not have, so the form shows the message instead", () => {
    expect(apiFieldErrors(failure([{ path: "other", message: "x" }]), ["name"])).toEqual({});
    expect(apiFieldErrors(failure(null), ["name"])).toEqual({});
    expect(apiFieldErrors(failure({ field: "disabled" }), ["role"])).toEqual({});
  });
});
