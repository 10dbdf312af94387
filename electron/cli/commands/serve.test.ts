import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePort, serveRoots } from "./serve";

describe("serve options", () => {
  it("allows the given folders as whole trees, or else the home folder without hidden folders", () => {
    expect(serveRoots(["docs", "/srv/共享"], "/home/u")).toEqual([
      { path: resolve("docs"), scope: "tree" },
      { path: "/srv/共享", scope: "tree" },
    ]);
    expect(serveRoots([], "/home/u")).toEqual([{ path: "/home/u", scope: "tree", skipHidden: true }]);
  });

  it("takes ports 0–65535 only", () => {
    expect(parsePort("0")).toBe(0);
    expect(() => parsePort("70000")).toThrow(/0 到 65535/);
    expect(() => parsePort("8080x")).toThrow();
  });
});
