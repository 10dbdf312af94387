// ESLint rule enforcing DESIGN.md's layering ("Import rules"). Each source
// file belongs to a layer by its folder; an import is resolved to the layer
// it lands in (relative paths) or to the package it names (bare specifiers).
import { builtinModules } from "node:module";
import { dirname, relative, resolve, sep } from "node:path";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** layer -> which of our layers it may import, and which packages it may not. */
export const LAYERS = {
  common: { may: ["common"], noElectron: true, noNode: true },
  core: { may: ["common", "core"], noElectron: true, noNode: false },
  cli: { may: ["common", "core", "cli"], noElectron: true, noNode: false },
  main: { may: ["common", "main"], noElectron: false, noNode: false },
  preload: { may: ["common", "preload"], noElectron: false, noNode: true },
  renderer: { may: ["common", "renderer"], noElectron: true, noNode: true },
};

/** Layer of an absolute path inside the project, or null for files outside the layered tree. */
export function layerOf(absPath) {
  const rel = relative(ROOT, absPath).split(sep).join("/");
  const m = /^electron\/(common|core|cli|main|preload)\//.exec(rel);
  if (m) return m[1];
  if (rel.startsWith("renderer/")) return "renderer";
  return null;
}

function isNodeBuiltin(spec) {
  return NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split("/")[0]);
}

/** Why `spec` may not be imported from `file`, or null if it may. Type-only imports count too. */
export function violation(file, spec) {
  const from = layerOf(resolve(file));
  if (!from) return null;
  const rules = LAYERS[from];
  if (spec.startsWith(".") || spec.startsWith("/")) {
    const target = resolve(dirname(resolve(file)), spec);
    const to = layerOf(target);
    if (to) return rules.may.includes(to) ? null : `${from} may not import from ${to} (DESIGN.md, import rules)`;
    // Outside the layered tree (package.json, scripts/): only the Node-side layers may reach there.
    return rules.noNode ? `${from} may not import ${relative(ROOT, target)} outside its layers` : null;
  }
  if (rules.noElectron && (spec === "electron" || spec.startsWith("electron/"))) {
    return `${from} may not import electron (DESIGN.md: only main and preload do)`;
  }
  if (rules.noNode && isNodeBuiltin(spec)) return `${from} may not import the Node module "${spec}" (it runs without Node)`;
  return null;
}

function check(context, node, spec) {
  if (typeof spec !== "string") return;
  const why = violation(context.filename, spec);
  if (why) context.report({ node, message: why });
}

export const importLayers = {
  meta: { type: "problem", docs: { description: "Enforce DESIGN.md's import layering" }, schema: [] },
  create(context) {
    return {
      ImportDeclaration: (node) => check(context, node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(context, node.source, node.source.value),
      ExportAllDeclaration: (node) => check(context, node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(context, node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") {
          check(context, node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { "import-layers": importLayers } };
