import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contract } from "../../../common/contract";
import { namedPaths, PATH_INPUTS } from "./path-inputs";

/** Property names anywhere in a JSON schema. */
function propertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => propertyNames(s, out));
  else if (schema && typeof schema === "object") {
    const props = (schema as { properties?: Record<string, unknown> }).properties;
    if (props) Object.keys(props).forEach((k) => out.add(k));
    Object.values(schema).forEach((v) => propertyNames(v, out));
  }
  return out;
}

const PATH_LIKE = /path|folder|dir|file/i;

describe("PATH_INPUTS", () => {
  it("lists every method whose input has a path-like field, so none escapes the guard", () => {
    const withPaths = Object.entries(contract.methods)
      .filter(([, def]) => [...propertyNames(z.toJSONSchema(def.input, { io: "input", unrepresentable: "any" }))].some((k) => PATH_LIKE.test(k)))
      .map(([name]) => name)
      .sort();
    expect(withPaths.length).toBeGreaterThan(5);
    expect(Object.keys(PATH_INPUTS).sort()).toEqual(withPaths);
  });

  it("extracts each path with what the core will do with it", () => {
    expect(namedPaths("kb.add", { name: "k", paths: ["/a", "/b"] })).toEqual([
      { path: "/a", use: "read" },
      { path: "/b", use: "read" },
    ]);
    expect(namedPaths("assistant.summarize", { sources: [{ documentId: 3 }, { path: "/d.pdf" }], modelPath: "/m.gguf", length: "bullets", extractive: false })).toEqual([
      { path: "/d.pdf", use: "read" },
      { path: "/m.gguf", use: "model" },
    ]);
    expect(namedPaths("packs.export", { name: "k", path: "/out.govpack" })).toEqual([{ path: "/out.govpack", use: "write" }]);
    expect(namedPaths("kb.search", { name: "k", query: "x", k: 10 })).toEqual([]);
    expect(namedPaths("toString", {})).toEqual([]);
  });
});
