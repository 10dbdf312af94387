import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { antdCssFor, antdPrefixes, importedNames, pruneCss, reachableAntdFolders } from "./antd-css";

const ROOT = join(import.meta.dirname, "../..");
const RENDERER = join(ROOT, "renderer/src");
const NODE_MODULES = join(ROOT, "node_modules");

describe("antd.css less the components the window cannot draw", () => {
  const folders = reachableAntdFolders(RENDERER, NODE_MODULES);

  it("reaches every antd component the renderer imports, and what those draw inside them", () => {
    for (const name of importedNames(RENDERER, "antd")) {
      if (name === "theme") continue; // tokens, no component
      const folder = name.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
      expect(folders, name).toContain(folder);
    }
    // Table draws Pagination, Checkbox, Radio, Dropdown, Spin, Empty and Tree (column filters) itself;
    // x's Conversations draws a Menu.
    for (const inner of ["pagination", "checkbox", "radio", "dropdown", "spin", "empty", "tree", "menu"]) expect(folders).toContain(inner);
  });

  it("leaves out components nothing can draw, even when a helper of theirs is imported (a colour parser, a picker's translations)", () => {
    for (const unused of ["upload", "date-picker", "time-picker", "calendar", "color-picker", "carousel", "cascader", "transfer", "tour"]) {
      expect(folders).not.toContain(unused);
    }
  });

  it("reads each component's class prefixes from its code", () => {
    const prefixes = antdPrefixes(NODE_MODULES);
    expect([...prefixes.get("button")!]).toContain("btn");
    expect([...prefixes.get("input-number")!]).toContain("input-number");
    expect([...prefixes.get("date-picker")!]).toContain("picker");
  });

  it("drops a rule only when each selector names a class of an unused prefix, matched to the longest prefix", () => {
    const all = new Set(["btn", "input", "input-number", "upload", "form"]);
    const used = new Set(["btn", "input", "form"]);
    const css = [
      ".ant-btn{color:red}",
      ".ant-input-affix-wrapper{color:red}",
      ".ant-input-number-input{color:blue}",
      ".ant-upload,.ant-btn-icon{color:green}",
      ".ant-upload-list{color:blue}",
      ".ant-form-item .ant-upload{color:blue}",
      ".ant-motion-collapse{height:0}",
      "a{color:inherit}",
      "@media (max-width:575px){.ant-upload{display:none}.ant-btn{display:block}}",
      "@media (max-width:575px){.ant-input-number{display:none}}",
      "@keyframes antUploadIn{from{opacity:0}to{opacity:1}}",
    ].join("\n");
    const out = pruneCss(css, used, all);
    expect(out).toContain(".ant-btn{color:red}");
    expect(out).toContain(".ant-input-affix-wrapper");
    expect(out).not.toContain(".ant-input-number");
    expect(out).toContain(".ant-upload,.ant-btn-icon"); // one selector still matches
    expect(out).not.toContain(".ant-upload-list");
    expect(out).not.toContain(".ant-form-item .ant-upload");
    expect(out).toContain(".ant-motion-collapse"); // no component's prefix: kept
    expect(out).toContain("a{color:inherit}");
    expect(out).toContain(".ant-btn{display:block}");
    expect(out).not.toMatch(/@media[^{]*\{\s*\}/); // emptied at-rules removed
    expect(out).toContain("@keyframes antUploadIn");
  });

  it("on the installed antd: a quarter smaller, and every used component's rules kept", () => {
    const full = readFileSync(join(NODE_MODULES, "antd/dist/antd.css"), "utf8");
    const css = antdCssFor(RENDERER, NODE_MODULES);
    expect(css.length).toBeLessThan(full.length * 0.8);
    const prefixes = antdPrefixes(NODE_MODULES);
    for (const folder of folders) for (const p of prefixes.get(folder) ?? []) if (full.includes(`.ant-${p}`)) expect(css, p).toContain(`.ant-${p}`);
    expect(css).not.toContain(".ant-upload");
    expect(css).not.toContain(".ant-picker-calendar");
  });
});
