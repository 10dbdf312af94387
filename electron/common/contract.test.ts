import { describe, expect, it } from "vitest";
import { contract } from "./contract";
import { coreHostContract, mainHostContract } from "./host-contract";
import { portContract } from "./rpc/port-contract";
import { inputFields, looseInputs } from "./rpc/schema-walk";

/**
 * The contracts' own rules (contracts/README.md), checked over every method
 * so that a new call cannot forget one: strict inputs, path fields declared
 * for the core's path guard, what answers while the app is locked.
 */

const PATH_LIKE = /path|folder|dir|file/i;
const last = (field: string) => field.split(".").at(-1)!.replace(/\[\]$/, "");

describe("method rules declared on the calls", () => {
  it("every input field that names a file or folder is declared in rules.paths, and every declared field exists", () => {
    let declared = 0;
    for (const [method, def] of Object.entries(contract.methods)) {
      const fields = inputFields(def.input);
      // A string field, or an array of strings: the name says it is a path ("paths[]" for arrays).
      const pathLike = [...fields].filter((f) => !f.endsWith("[]") && PATH_LIKE.test(last(f))).map((f) => (fields.has(`${f}[]`) ? `${f}[]` : f));
      const rules = Object.keys(def.rules.paths ?? {});
      expect(rules.sort(), `${method}: rules.paths`).toEqual(pathLike.sort());
      for (const field of rules) expect(fields.has(field), `${method}: ${field} is not an input field`).toBe(true);
      declared += rules.length;
    }
    expect(declared).toBeGreaterThan(10);
  });

  it("only reading state and the admin's tools answer while the app is locked down", () => {
    const allowed = Object.entries(contract.methods)
      .filter(([, def]) => def.rules.whenLocked === "allow")
      .map(([m]) => m)
      .sort();
    expect(allowed).toEqual(["app.info", "audit.export", "audit.list", "audit.verify", "jobs.cancel", "jobs.list", "policy.get", "redact.preview", "settings.get"]);
  });
});

describe("contract style", () => {
  it("every input object of every method is .strict() (an unknown key is a mistake, not an extension)", () => {
    for (const c of [contract, coreHostContract, mainHostContract, portContract]) expect(looseInputs(c)).toEqual([]);
  });
});
