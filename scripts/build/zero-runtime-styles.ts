import MagicString from "magic-string";
import type { Plugin } from "vite";

/**
 * Drops antd's and @ant-design/x's style generators from the renderer bundle.
 *
 * The window runs antd with zeroRuntime (components/theme.ts): its styles come
 * from the pre-built antd.css, and x's from the sheet made at build time
 * (x-styles.ts). Each component still ships the function that would generate
 * its CSS (`genStyleHooks(name, styleFn, …)`), about 170 KB of the first
 * chunk that the browser parses on every start and never calls: with
 * zeroRuntime the hook returns before it reaches styleFn (cssinjs-utils
 * genComponentStyleHook). This plugin replaces that argument with a function
 * that returns no styles, and tree-shaking then removes the generators and
 * the helpers only they used. The other arguments stay: the component token
 * defaults still set each component's CSS variables at run time (useCSSVar).
 *
 * Only the renderer bundle is transformed; x-styles-extract.ts loads x's
 * modules in Node, untouched, to write its sheet.
 */
export const STYLE_HOOK_MAKERS = ["genStyleHooks", "genComponentStyleHook", "genSubStyleComponent"] as const;
const PACKAGE = /[\\/]node_modules[\\/](?:antd|@ant-design[\\/]x)[\\/]es[\\/]/;
const MENTION = new RegExp(`\\b(?:${STYLE_HOOK_MAKERS.join("|")})\\(`);
const NO_STYLES = "() => []";

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** The source with every style maker's styleFn argument replaced, or null when there is none. */
export function dropStyleGenerators(code: string, parse: (code: string) => unknown): MagicString | null {
  if (!MENTION.test(code)) return null;
  const out = new MagicString(code);
  let changed = false;
  visit(parse(code) as Node, (node) => {
    if (node.type !== "CallExpression") return;
    const callee = node["callee"] as Node;
    const name = callee.type === "Identifier" ? (callee["name"] as string) : null;
    if (!name || !(STYLE_HOOK_MAKERS as readonly string[]).includes(name)) return;
    const styleFn = (node["arguments"] as Node[])[1];
    if (!styleFn || code.slice(styleFn.start, styleFn.end) === NO_STYLES) return;
    out.overwrite(styleFn.start, styleFn.end, NO_STYLES);
    changed = true;
  });
  return changed ? out : null;
}

function visit(node: Node, fn: (n: Node) => void): void {
  fn(node);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child, fn);
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as Node).type === "string";
}

export function zeroRuntimeStyles(): Plugin {
  return {
    name: "govdesk-zero-runtime-styles",
    apply: "build",
    transform(code, id) {
      if (!PACKAGE.test(id)) return null;
      const out = dropStyleGenerators(code, (c) => this.parse(c));
      return out ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
