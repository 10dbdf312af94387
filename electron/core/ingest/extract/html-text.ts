import { parseHTML } from "linkedom";

const BLOCK = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BR", "TR", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE", "TABLE", "UL", "OL", "HEADER", "FOOTER", "DD", "DT"]);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Block-aware text of an HTML fragment: one line per block, table rows as `cell | cell`. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  walk(document.body as unknown as NodeLike, out);
  return out
    .join("")
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((l) => l.length > 0)
    .join("\n");
}

function walk(node: NodeLike, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.textContent ?? "");
    return;
  }
  if (node.nodeType !== 1) return;
  const name = node.nodeName.toUpperCase();
  if (name === "SCRIPT" || name === "STYLE" || name === "NOSCRIPT") return;
  if (name === "TR") {
    const cells: string[] = [];
    for (const c of Array.from(node.childNodes)) {
      if (c.nodeType !== 1) continue;
      const sub: string[] = [];
      walk(c, sub);
      cells.push(sub.join("").replace(/\s+/g, " ").trim());
    }
    out.push("\n", cells.filter((c) => c).join(" | "), "\n");
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.push("\n");
  for (const c of Array.from(node.childNodes)) walk(c, out);
  if (block) out.push("\n");
}
