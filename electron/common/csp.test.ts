import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, rendererCsp } from "./csp";

function parse(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe("content security policy", () => {
  const policy = parse(CONTENT_SECURITY_POLICY);

  it("is exactly the agreed policy string", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'; frame-src 'none'; worker-src 'self'",
    );
  });

  it("never allows eval, remote origins or wildcards", () => {
    for (const [name, sources] of policy) {
      for (const s of sources) {
        expect(s, name).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
        expect(s, name).not.toMatch(/^(https?|wss?|ftp|file):/);
        expect(s, name).not.toContain("*");
        expect(s, name).not.toMatch(/^[a-z0-9.-]+\.[a-z]{2,}/i); // bare host names
      }
    }
  });

  it("denies by default and only loosens what antd and local images need", () => {
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    const withInline = [...policy].filter(([, s]) => s.includes("'unsafe-inline'")).map(([n]) => n);
    expect(withInline).toEqual(["style-src"]);
    const withData = [...policy].filter(([, s]) => s.includes("data:")).map(([n]) => n);
    expect(withData.sort()).toEqual(["font-src", "img-src"]);
  });

  it("has one entry per directive (no duplicate, later one silently ignored)", () => {
    expect(policy.size).toBe(Object.keys(CSP_DIRECTIVES).length);
  });
});

describe("rendererCsp for govdesk serve", () => {
  it("adds only the given loopback socket origins to connect-src", () => {
    const policy = parse(rendererCsp(["ws://127.0.0.1:4000"]));
    expect(policy.get("connect-src")).toEqual(["'self'", "ws://127.0.0.1:4000"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
  });
});
