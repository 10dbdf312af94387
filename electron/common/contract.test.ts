import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contract } from "./contract";

/**
 * The contract's own rules, checked over every method so that a new call
 * cannot forget one: path fields declared for the core's path guard.
 */

/** Each property path in a JSON schema ("paths[]", "sources[].path"), with its own schema. */
function fieldPaths(schema: unknown, prefix = "", out = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== "object") return out;
  const s = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[] };
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.add(path);
    fieldPaths(sub, path, out);
  }
  if (s.items) {
    out.add(`${prefix}[]`);
    fieldPaths(s.items, `${prefix}[]`, out);
  }
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) fieldPaths(alt, prefix, out);
  return out;
}

const inputFields = (input: z.ZodType) => fieldPaths(z.toJSONSchema(input, { io: "input", unrepresentable: "any" }));
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
