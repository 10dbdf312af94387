import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import postcss from "postcss";
import type { Plugin } from "vite";

/**
 * antd.css without the components the window cannot draw.
 *
 * The window runs antd with zeroRuntime (components/theme.ts), so antd's
 * pre-built antd.css styles it: 1 MB with every antd component, parsed and
 * matched by the browser on every start, about a third of it for components
 * no screen uses (date pickers, uploads, trees, carousels…). This plugin
 * serves `virtual:govdesk-antd.css`: antd.css less the rules that can only
 * match an element of a component the renderer's code cannot reach.
 *
 * What can be reached is read from the code, not listed by hand: the names
 * the renderer imports from antd and @ant-design/x, followed through antd's
 * and x's own imports (a Table brings Pagination, Checkbox, Dropdown…), give
 * the antd component folders; the class prefixes those components ask for
 * (`getPrefixCls("btn")`) are kept. A rule is dropped only when each of its
 * selectors names a class whose prefix belongs to a component outside that
 * set; everything else (resets, motion, keyframes, unprefixed classes) stays.
 */
export const ANTD_CSS_ID = "virtual:govdesk-antd.css";

type Modules = { root: string; exports: Map<string, string> };

function packageModules(nodeModules: string, name: string): Modules {
  const root = join(nodeModules, name, "es");
  const exports = new Map<string, string>();
  for (const m of readFileSync(join(root, "index.js"), "utf8").matchAll(/export \{ default as (\w+) \} from ["']\.\/([^"']+)["']/g)) {
    exports.set(m[1]!, m[2]!);
  }
  return { root, exports };
}

/** Names imported from `pkg` by the TypeScript files under `dir` (type-only imports left out). */
export function importedNames(dir: string, pkg: string): Set<string> {
  const names = new Set<string>();
  const pattern = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*"${pkg.replace("/", "\\/")}"`, "g");
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) importedNames(path, pkg).forEach((n) => names.add(n));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.")) {
      for (const m of readFileSync(path, "utf8").matchAll(pattern)) {
        for (const part of m[1]!.split(",")) {
          const name = part.trim().split(/\s+as\s+/)[0]!;
          if (name && !name.startsWith("type ")) names.add(name);
        }
      }
    }
  }
  return names;
}

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.js`, join(base, "index.js")]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/**
 * The antd component folders (`button`, `table`…) whose code the renderer can
 * run: reached from what it imports from antd and @ant-design/x, through both
 * packages' own imports.
 */
export function reachableAntdFolders(rendererSrc: string, nodeModules: string): Set<string> {
  const antd = packageModules(nodeModules, "antd");
  const x = packageModules(nodeModules, "@ant-design/x");
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (file: string | null): void => {
    if (file && !seen.has(file)) {
      seen.add(file);
      queue.push(file);
    }
  };
  const fromPackage = (mods: Modules, names: Iterable<string>): void => {
    for (const name of names) {
      const folder = mods.exports.get(name);
      if (folder) enqueue(resolveModule(join(mods.root, "index.js"), `./${folder}`));
    }
  };
  fromPackage(antd, importedNames(rendererSrc, "antd"));
  fromPackage(x, importedNames(rendererSrc, "@ant-design/x"));
  const folders = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    const code = readFileSync(file, "utf8");
    // A component draws with its class prefix: a folder reached only for a helper (a colour
    // parser, a picker's translations) without the code that asks for its prefix draws nothing.
    if (file.startsWith(antd.root + sep) && /getPrefixCls\(/.test(code)) folders.add(relative(antd.root, file).split(sep)[0]!);
    for (const m of code.matchAll(/(?:import|export)\s*(?:([\s\S]*?)\s*from\s*)?["']([^"']+)["']/g)) {
      const [, clause, spec] = m as unknown as [string, string | undefined, string];
      if (spec.startsWith(".")) enqueue(resolveModule(file, spec));
      else if (spec === "antd") fromPackage(antd, [...(clause ?? "").matchAll(/(\w+)(?:\s+as\s+\w+)?\s*(?:,|\})/g)].map((n) => n[1]!));
      else if (/^antd\/(es|lib)\/[\w-]+/.test(spec)) enqueue(resolveModule(join(antd.root, "index.js"), `./${spec.split("/")[2]}`));
    }
  }
  return folders;
}

/** Each antd folder's class prefixes, from its `getPrefixCls("…")` calls ("button" → btn). */
export function antdPrefixes(nodeModules: string): Map<string, Set<string>> {
  const root = join(nodeModules, "antd/es");
  const out = new Map<string, Set<string>>();
  const scan = (dir: string, folder: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) scan(path, folder);
      else if (entry.name.endsWith(".js")) {
        for (const m of readFileSync(path, "utf8").matchAll(/getPrefixCls\(\s*['"]([a-z][a-z-]*)['"]/g)) {
          if (!out.has(folder)) out.set(folder, new Set());
          out.get(folder)!.add(m[1]!);
        }
      }
    }
  };
  for (const entry of readdirSync(root, { withFileTypes: true })) if (entry.isDirectory()) scan(join(root, entry.name), entry.name);
  return out;
}

/**
 * `css` without the rules whose every selector names a class of an unused
 * prefix: `.ant-<p>` or `.ant-<p>-…`, matched to the longest known prefix (so
 * `.ant-input-number-input` is InputNumber's, not Input's).
 */
export function pruneCss(css: string, usedPrefixes: Set<string>, allPrefixes: Set<string>): string {
  const longestFirst = [...allPrefixes].sort((a, b) => b.length - a.length);
  const owner = new Map<string, string | null>();
  const prefixOf = (cls: string): string | null => {
    if (!owner.has(cls)) owner.set(cls, longestFirst.find((p) => cls === p || cls.startsWith(`${p}-`)) ?? null);
    return owner.get(cls)!;
  };
  const dead = (selector: string): boolean =>
    [...selector.matchAll(/\.ant-([a-z0-9-]+)/g)].some((m) => {
      const prefix = prefixOf(m[1]!);
      return prefix !== null && !usedPrefixes.has(prefix);
    });
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === "atrule" && /keyframes$/.test((rule.parent as postcss.AtRule).name)) return;
    if (rule.selectors.every(dead)) rule.remove();
  });
  root.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
  return root.toString();
}

/** antd.css for the renderer under `rendererSrc`. */
export function antdCssFor(rendererSrc: string, nodeModules: string): string {
  const folders = reachableAntdFolders(rendererSrc, nodeModules);
  const prefixes = antdPrefixes(nodeModules);
  const all = new Set([...prefixes.values()].flatMap((s) => [...s]));
  const used = new Set([...folders].flatMap((f) => [...(prefixes.get(f) ?? [])]));
  return pruneCss(readFileSync(join(nodeModules, "antd/dist/antd.css"), "utf8"), used, all);
}

export function antdCss(rendererSrc: string, nodeModules: string): Plugin {
  return {
    name: "govdesk-antd-css",
    resolveId: (id) => (id === ANTD_CSS_ID ? ANTD_CSS_ID : null),
    load: (id) => (id === ANTD_CSS_ID ? antdCssFor(rendererSrc, nodeModules) : null),
  };
}
