import { afterEach, describe, expect, it } from "vitest";
import { getConfig, resetConfig } from "../../../../lib/config";
import { backendOrder } from "../../../../lib/training/backend/backend-order";
import { predictTrainingBackend } from "../../../../lib/training/backend/backend-status";

afterEach(() => {
  delete process.env.TFJS_BACKEND;
  resetConfig();
});

describe("TF.js backend choice", () => {
  it("tries tfjs-node, then wasm, then cpu; a preference goes first", () => {
    expect(backendOrder()).toEqual(["tensorflow", "wasm", "cpu"]);
    expect(backendOrder("cpu")).toEqual(["cpu", "tensorflow", "wasm"]);
  });

  it("predicts from installed files alone that wasm is chosen here, because tfjs-node is not installed", () => {
    const predicted = predictTrainingBackend();
    expect(predicted.backend).toBe("wasm");
    expect(predicted.tried).toEqual([
      {
        name: "tensorflow",
        error: expect.stringMatching(/tfjs-node is (not installed|installed without its native binding)/),
      },
    ]);
    expect(predictTrainingBackend("cpu")).toEqual({ backend: "cpu", tried: [] });
  });

  it("reads TFJS_BACKEND from the environment, accepting node as tfjs-node", () => {
    process.env.TFJS_BACKEND = "node";
    resetConfig();
    expect(getConfig().TFJS_BACKEND).toBe("tensorflow");
    process.env.TFJS_BACKEND = "webgpu";
    resetConfig();
    expect(() => getConfig()).toThrow(/TFJS_BACKEND/);
  });
});
