import { describe, expect, it } from "vitest";
import { contract } from "../contract";
import { namedPaths } from "./named-paths";

const rulesOf = (method: keyof typeof contract.methods) => contract.methods[method].rules;

describe("namedPaths", () => {
  it("finds each path the contract's rules declare, with what the core will do with it", () => {
    expect(namedPaths(rulesOf("kb.add"), { name: "k", paths: ["/a", "/b"] })).toEqual([
      { path: "/a", use: "read" },
      { path: "/b", use: "read" },
    ]);
    expect(namedPaths(rulesOf("assistant.summarize"), { sources: [{ documentId: 3 }, { path: "/d.pdf" }], modelPath: "/m.gguf", length: "bullets", extractive: false })).toEqual([
      { path: "/d.pdf", use: "read" },
      { path: "/m.gguf", use: "model" },
    ]);
    expect(namedPaths(rulesOf("packs.export"), { name: "k", path: "/out.govpack" })).toEqual([{ path: "/out.govpack", use: "write" }]);
    expect(namedPaths(rulesOf("kb.watch"), { name: "k", folder: null })).toEqual([]);
    expect(namedPaths(rulesOf("kb.search"), { name: "k", query: "x", k: 10 })).toEqual([]);
  });

  it("names nothing for shapes it does not expect (the input is validated before, but never trust it here either)", () => {
    const rules = { paths: { "a.b[]": "read" as const } };
    expect(namedPaths(rules, null)).toEqual([]);
    expect(namedPaths(rules, { a: "x" })).toEqual([]);
    expect(namedPaths(rules, { a: { b: "not an array" } })).toEqual([]);
    expect(namedPaths(rules, { a: { b: ["/x", 4, null] } })).toEqual([{ path: "/x", use: "read" }]);
    expect(namedPaths(rules, Object.create({ a: { b: ["/inherited"] } }))).toEqual([]);
  });
});
