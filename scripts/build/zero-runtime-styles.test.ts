import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAst } from "rollup/parseAst";
import { describe, expect, it } from "vitest";
import { dropStyleGenerators, STYLE_HOOK_MAKERS } from "./zero-runtime-styles";

const NODE_MODULES = join(import.meta.dirname, "../../node_modules");
const parse = (code: string): unknown => parseAst(code);
const MAKER_CALL = new RegExp(`\\b(?:${STYLE_HOOK_MAKERS.join("|")})\\(`);

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith(".js") ? [path] : [];
  });
}

describe("zero-runtime styles: antd's and x's style generators left out of the renderer bundle", () => {
  it("replaces the style function of antd's Button and keeps the token defaults and options (its CSS variables)", () => {
    const code = readFileSync(join(NODE_MODULES, "antd/es/button/style/index.js"), "utf8");
    const out = dropStyleGenerators(code, parse)!.toString();
    expect(out).toMatch(/genStyleHooks\('Button', \(\) => \[\], prepareComponentToken, \{/);
    expect(() => parseAst(out)).not.toThrow();
    // Run again, nothing left to replace.
    expect(dropStyleGenerators(out, parse)).toBeNull();
  });

  it("finds every call in the installed antd and @ant-design/x (an update that calls them differently fails here)", () => {
    const calling = [join(NODE_MODULES, "antd/es"), join(NODE_MODULES, "@ant-design/x/es")]
      .flatMap(jsFiles)
      .filter((f) => MAKER_CALL.test(readFileSync(f, "utf8")));
    expect(calling.length).toBeGreaterThan(80);
    const missed = calling.filter((f) => dropStyleGenerators(readFileSync(f, "utf8"), parse) === null);
    expect(missed).toEqual([]);
  });

  it("leaves a module that makes no style hook alone", () => {
    expect(dropStyleGenerators("export const a = genStyleHooksLike(1, 2);", parse)).toBeNull();
    expect(dropStyleGenerators("import x from 'y'; export default x;", parse)).toBeNull();
  });
});
