import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { tempDir } from "../electron/core/testing/temp-dir";

/** Checks on the built bundles (npm test builds before running specs). */
const DIST = join(import.meta.dirname, "../dist");

describe.skipIf(!existsSync(join(DIST, "preload/preload.cjs")))("built bundles", () => {
  it("the sandboxed preload requires nothing but electron", () => {
    const code = readFileSync(join(DIST, "preload/preload.cjs"), "utf8");
    const required = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(["electron"]);
  });

  it("every large script and style sheet of the renderer has a gzip copy that decompresses to it (for serve)", () => {
    const assets = join(DIST, "renderer/assets");
    const large = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f) && statSync(join(assets, f)).size >= 4096);
    expect(large.length).toBeGreaterThan(5);
    for (const f of large) expect(gunzipSync(readFileSync(join(assets, `${f}.gz`))).equals(readFileSync(join(assets, f))), f).toBe(true);
  });

  it("the renderer ships none of antd's and x's CSS-in-JS style generators (zeroRuntime: antd.css and the x sheet style the window)", () => {
    const assets = join(DIST, "renderer/assets");
    const code = readdirSync(assets).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(assets, f), "utf8")).join("\n");
    // Each generator writes nested selectors like "&:hover"; with them bundled the renderer's chunks held 70.
    // What stays is antd's global reset (links), which the window still generates.
    expect(code.match(/"&:hover"/g)?.length ?? 0).toBeLessThan(10);
  });

  it("the renderer's style sheet is antd.css less the components no screen can draw (scripts/build/antd-css.ts)", () => {
    const assets = join(DIST, "renderer/assets");
    const css = readdirSync(assets).filter((f) => f.endsWith(".css")).map((f) => readFileSync(join(assets, f), "utf8")).join("\n");
    expect(css).toContain(".ant-table");
    expect(css).toContain(".ant-btn");
    expect(css).not.toContain(".ant-upload");
    expect(css).not.toContain(".ant-picker-calendar");
  });

  it("the renderer bundle loads nothing from a remote origin", () => {
    const html = readFileSync(join(DIST, "renderer/index.html"), "utf8");
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect(html).toContain('lang="zh-CN"');
  });

  it("the bundled CLI runs commands whose modules load lazily (extract, info)", () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, "n.txt"), "关于加强管理的通知\n一、严格审批。\n");
      const run = (args: string[]) =>
        spawnSync(process.execPath, [join(DIST, "cli/govdesk.mjs"), "--data-dir", join(dir, "data"), ...args], { encoding: "utf8", timeout: 60_000 });
      const extract = run(["extract", join(dir, "n.txt"), "--json"]);
      expect(extract.status, extract.stderr).toBe(0);
      expect(JSON.parse(extract.stdout).title).toBe("关于加强管理的通知");
      const info = run(["info", "--json"]);
      expect(info.status, info.stderr).toBe(0);
      expect(JSON.parse(info.stdout).dataDir).toBe(join(dir, "data"));
    } finally {
      cleanup();
    }
  });

  it("the core bundle does not import electron", () => {
    for (const file of readdirSync(join(DIST, "core")).filter((f) => f.endsWith(".mjs"))) {
      const code = readFileSync(join(DIST, "core", file), "utf8");
      expect(code, file).not.toMatch(/from ["']electron["']|require\(["']electron["']\)/);
    }
  });

  it("the CLI entry loads only commander and Node built-ins before a command runs (no core, zod, SQLite, llama.cpp)", () => {
    const packages = staticPackages(join(DIST, "cli/govdesk.mjs"));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...packages].filter((p) => !builtins.has(p))).toEqual(["commander"]);
  });

  it("the core opens without the docx library (0.36 MB, half its code: loaded on the first DOCX export)", () => {
    for (const entry of ["core/core.mjs", "cli/core-thread.mjs"]) {
      const chunks = new Set<string>();
      staticPackages(join(DIST, entry), chunks);
      const bundled = [...chunks].flatMap((chunk) => (JSON.parse(readFileSync(`${chunk}.map`, "utf8")) as { sources: string[] }).sources);
      expect(bundled.length, entry).toBeGreaterThan(100);
      expect(bundled.filter((src) => src.includes("node_modules/docx/")), entry).toEqual([]);
    }
  });

  it("the window's first screen (对话) comes with its first chunk, without the Markdown renderer, the page preview, the options dialog or 检索范围's fields (on demand)", () => {
    const html = readFileSync(join(DIST, "renderer/index.html"), "utf8");
    const entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const assets = join(DIST, "renderer/assets");
    // No chunk of its own: a second round of requests and a second commit after the shell cost ~0.35 s of start-up.
    expect(readdirSync(assets).filter((f) => f.startsWith("ChatScreen-"))).toEqual([]);
    const loaded = staticChunks(join(DIST, "renderer", entry!));
    for (const onDemand of ["AnswerMarkdown", "CitationPreview", "PagePreview", "ConversationSettings", "ChatFilterPanel"]) {
      expect([...loaded].filter((f) => f.startsWith(`${onDemand}-`)), onDemand).toEqual([]);
    }
    // Still reachable: 对话 asks for them when an answer or a dialog needs them.
    const code = [...loaded].map((f) => readFileSync(join(assets, f), "utf8")).join("\n");
    expect(code).toMatch(/import\("\.\/AnswerMarkdown-[^"]+\.js"\)/);
    expect(code).toMatch(/import\("\.\/ConversationSettings-[^"]+\.js"\)/);
    expect(code).toMatch(/import\("\.\/ChatFilterPanel-[^"]+\.js"\)/);
  });

  it("the core opens without node-llama-cpp, or the extractors' parsers (they load on first use)", () => {
    const packages = staticPackages(join(DIST, "core/core.mjs"));
    for (const lazy of ["node-llama-cpp", "pdfjs-dist", "exceljs", "mammoth", "word-extractor", "linkedom", "fast-xml-parser", "yauzl", "ws", "onnxruntime-node", "@napi-rs/canvas", "utif2"]) {
      expect([...packages].some((p) => p === lazy || p.startsWith(`${lazy}/`)), lazy).toBe(false);
    }
  });
});

/** Bare specifiers a bundle file imports statically, following its own chunks (`./x.mjs`). */
function staticPackages(entry: string, seen = new Set<string>(), out = new Set<string>()): Set<string> {
  if (seen.has(entry)) return out;
  seen.add(entry);
  const code = readFileSync(entry, "utf8");
  for (const m of code.matchAll(/^(?:import|export)\s+(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
    const spec = m[1]!;
    if (spec.startsWith(".")) staticPackages(join(dirname(entry), spec), seen, out);
    else out.add(spec);
  }
  return out;
}

/** The renderer chunks a (minified) chunk loads before it runs: static imports, followed; import() is not. */
function staticChunks(file: string, seen = new Set<string>()): Set<string> {
  const name = file.slice(dirname(file).length + 1);
  if (seen.has(name)) return seen;
  seen.add(name);
  const code = readFileSync(file, "utf8");
  for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{},\s]+?\s*from\s*)?"\.\/([^"]+\.js)"/g)) staticChunks(join(dirname(file), m[1]!), seen);
  return seen;
}
