import { describe, expect, it } from "vitest";
import { objectHref } from "../../../lib/audit/object-links";

describe("objectHref", () => {
  it.each([
    ["server:gpu-node-07", "/servers/gpu-node-07"],
    ["gpu:GPU-8f2a-11aa", "/gpus/GPU-8f2a-11aa"],
    ["rack:ams1/ams1-r01", "/racks/ams1/ams1-r01"],
    ["job:4b7c2a90-1111-4a4a-9c9c-0123456789ab", "/jobs/4b7c2a90-1111-4a4a-9c9c-0123456789ab"],
    ["dataset:iris", "/datasets/iris"],
    ["model:fraud", "/models/fraud"],
    ["model:fraud/3", "/models/fraud/versions/3"],
  ])("links %s to %s", (target, href) => {
    expect(objectHref(target)).toBe(href);
  });

  it.each([
    ["a kind without a page", "site:ams1"],
    ["a user", "user:admin"],
    ["a bulk change", "gpu:*"],
    ["a rack without its site", "rack:ams1-r01"],
    ["a server with a part", "server:a/b"],
    ["a model version with more parts", "model:fraud/3/x"],
    ["an empty key", "model:"],
    ["an empty part", "model:fraud/"],
    ["no kind", "fraud"],
    ["an empty kind", ":fraud"],
  ])("gives no link for %s (%s)", (_, target) => {
    expect(objectHref(target)).toBeNull();
  });

  it("encodes each path segment, so a key cannot leave its page", () => {
    expect(objectHref("dataset:a b?c#d")).toBe("/datasets/a%20b%3Fc%23d");
    expect(objectHref("model:fraud/1?x")).toBe("/models/fraud/versions/1%3Fx");
    expect(objectHref("server:..")).toBeNull();
    expect(objectHref("model:../admin")).toBeNull();
    expect(objectHref("server:../admin")).toBeNull();
  });
});
