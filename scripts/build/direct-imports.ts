import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";

/**
 * Rewrites `import { Table, Button } from "antd"` (and the same from
 * "@ant-design/icons") into one import per component file. Rollup places a
 * module in the entry chunk whenever the entry reaches it statically, and
 * the barrel (antd/es/index.js) reaches every component: so the shell's one
 * `import { Layout } from "antd"` pulled Table, Tree, Select, Tabs… into the
 * first chunk the window parses, though only lazily loaded screens use them
 * (issue 15: start-up). What babel-plugin-import did for antd 4, by hand.
 */
export function directImports(root: string): Plugin {
  const barrels = [
    { from: "antd", exports: barrelExports(join(root, "node_modules/antd/es/index.js"), "antd/es") },
    { from: "@ant-design/icons", exports: barrelExports(join(root, "node_modules/@ant-design/icons/es/icons/index.js"), "@ant-design/icons/es/icons") },
  ];
  return {
    name: "govdesk-direct-imports",
    apply: "build",
    transform(code, id) {
      if (!/\.[cm]?[jt]sx?$/.test(id.split("?")[0]!)) return null;
      let out = code;
      for (const barrel of barrels) out = rewriteImports(out, barrel.from, barrel.exports);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** Name → module path for each `export { default as Name } from './dir'` line of a barrel file. */
export function barrelExports(file: string, base: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of readFileSync(file, "utf8").matchAll(/export \{ default as (\w+) \} from ["']\.\/([\w-]+)["'];/g)) {
    map.set(m[1]!, `${base}/${m[2]}`);
  }
  return map;
}

/**
 * `import { A, B as C } from "<from>"` → `import A from ".../a"; import C from ".../b";`.
 * An import naming anything the map does not know is left whole (still correct, only larger).
 */
export function rewriteImports(code: string, from: string, exports: Map<string, string>): string {
  const quoted = from.replace(/[/.@-]/g, (c) => `\\${c}`);
  const pattern = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*["']${quoted}["'];?`, "g");
  return code.replace(pattern, (whole, list: string) => {
    const specs = list.split(",").map((s) => s.trim()).filter(Boolean);
    const parts: string[] = [];
    for (const spec of specs) {
      const m = /^(\w+)(?:\s+as\s+(\w+))?$/.exec(spec);
      const path = m ? exports.get(m[1]!) : undefined;
      if (!m || !path) return whole;
      parts.push(`import ${m[2] ?? m[1]} from "${path}";`);
    }
    return parts.join(" ");
  });
}
