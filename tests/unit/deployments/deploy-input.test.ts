import { describe, expect, it } from "vitest";
import { checkInput } from "../../../components/forms/schema-check";
import { CreateDeploymentInput } from "../../../lib/deployments/schemas";
import { deployBodyOf, deployFieldOf } from "../../../app/(dashboard)/deployments/_components/deploy-input";

const fields = {
  name: " fraud-scoring ",
  model: "fraud",
  target: "alias:production",
  canaryVersion: "",
  canaryWeight: "0.1",
  servers: "",
};

describe("the Deploy form's body", () => {
  it("follows an alias, with no canary and no servers left out rather than sent empty", () => {
    expect(deployBodyOf(fields)).toEqual({ name: "fraud-scoring", model: "fraud", alias: "production" });
    expect(checkInput(CreateDeploymentInput, deployBodyOf(fields)).ok).toBe(true);
  });

  it("pins a version with a canary and servers split on commas and spaces", () => {
    expect(
      deployBodyOf({ ...fields, target: "version:3", canaryVersion: "4", servers: "ams1-n01, ams1-n02  pdx1-n03" }),
    ).toEqual({
      name: "fraud-scoring",
      model: "fraud",
      version: 3,
      canary: { version: 4, weight: 0.1 },
      servers: ["ams1-n01", "ams1-n02", "pdx1-n03"],
    });
  });

  it("names the field of an empty or out-of-range canary share instead of sending 0", () => {
    const empty = checkInput(
      CreateDeploymentInput,
      deployBodyOf({ ...fields, canaryVersion: "4", canaryWeight: "" }),
      deployFieldOf,
    );
    expect(empty.ok).toBe(false);
    expect(empty.ok ? {} : empty.errors).toHaveProperty(["canary.weight"]);
    const tooBig = checkInput(
      CreateDeploymentInput,
      deployBodyOf({ ...fields, canaryVersion: "4", canaryWeight: "1.5" }),
      deployFieldOf,
    );
    expect(tooBig.ok ? {} : tooBig.errors).toEqual({ "canary.weight": "at most 1" });
  });

  it("puts the 'version or alias' rule on the picker, and a bad name on the name", () => {
    const none = checkInput(CreateDeploymentInput, deployBodyOf({ ...fields, target: "" }), deployFieldOf);
    expect(none.ok ? {} : none.errors).toEqual({ target: "give exactly one of version or alias" });
    const badName = checkInput(CreateDeploymentInput, deployBodyOf({ ...fields, name: "Fraud!" }), deployFieldOf);
    expect(Object.keys(badName.ok ? {} : badName.errors)).toEqual(["name"]);
  });
});
