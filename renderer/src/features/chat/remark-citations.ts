/**
 * A remark plugin for answers: "[1]" in text becomes a link to "#cite-1"
 * (rendered as a citation button), and raw HTML becomes plain text, so an
 * answer that contains HTML shows it instead of rendering it. Minimal node
 * types of our own: the renderer does not depend on mdast's packages.
 */
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

const CITE = /\[(\d{1,3})\]/g;
const HAS_CITE = /\[\d{1,3}\]/;
export const CITE_PREFIX = "#cite-";

export function splitCitations(value: string): MdNode[] {
  const out: MdNode[] = [];
  let last = 0;
  for (const m of value.matchAll(CITE)) {
    if (m.index > last) out.push({ type: "text", value: value.slice(last, m.index) });
    out.push({ type: "link", url: `${CITE_PREFIX}${m[1]}`, children: [{ type: "text", value: m[0] }] });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ type: "text", value: value.slice(last) });
  return out;
}

function transform(node: MdNode): void {
  if (!node.children) return;
  const next: MdNode[] = [];
  for (const child of node.children) {
    if (child.type === "html") next.push({ type: "text", value: child.value ?? "" });
    else if (child.type === "text" && child.value && HAS_CITE.test(child.value)) next.push(...splitCitations(child.value));
    else {
      // Links keep their own text; code keeps its brackets.
      if (child.type !== "link" && child.type !== "inlineCode" && child.type !== "code") transform(child);
      next.push(child);
    }
  }
  node.children = next;
}

export function remarkCitations() {
  return (tree: MdNode): void => transform(tree);
}
