/**
 * A remark plugin for answers: "[1]" in text becomes a link to "#cite-1"
 * (rendered as a citation button), raw HTML becomes plain text, so an
 * answer that contains HTML shows it instead of rendering it, and an image
 * (`![alt](http://…)`, also by reference) becomes its address as text: a
 * model's answer or a document must not make the page fetch anything (the
 * CSP would block the request, but the page does not even ask). Minimal
 * node types of our own: the renderer does not depend on mdast's packages.
 */
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  label?: string | null;
  identifier?: string;
  children?: MdNode[];
}

export interface CitationOptions {
  /** The word an image is shown with: "[图片：alt] http://…". */
  imageLabel?: string;
}

/** What an image shows instead: "[label: alt] http://…" (the address as text, never fetched). */
export function imageText(label: string, alt: string | null | undefined, url: string | null | undefined): string {
  const a = alt?.trim() ?? "";
  return `[${label}${a ? `：${a}` : ""}]${url ? ` ${url}` : ""}`;
}

function imageNodeText(node: MdNode, label: string, definitions: ReadonlyMap<string, string>): string {
  const url = node.type === "image" ? node.url : definitions.get((node.identifier ?? "").toLowerCase());
  return imageText(label, node.alt, url);
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

function transform(node: MdNode, label: string, definitions: ReadonlyMap<string, string>): void {
  if (!node.children) return;
  const next: MdNode[] = [];
  for (const child of node.children) {
    if (child.type === "html") next.push({ type: "text", value: child.value ?? "" });
    else if (child.type === "image" || child.type === "imageReference") next.push({ type: "text", value: imageNodeText(child, label, definitions) });
    else if (child.type === "text" && child.value && HAS_CITE.test(child.value)) next.push(...splitCitations(child.value));
    else {
      // Links keep their own text; code keeps its brackets.
      if (child.type !== "link" && child.type !== "inlineCode" && child.type !== "code") transform(child, label, definitions);
      next.push(child);
    }
  }
  node.children = next;
}

/** `[ref]: http://…` definitions anywhere in the tree, by lower-cased identifier. */
function collectDefinitions(node: MdNode, into = new Map<string, string>()): Map<string, string> {
  if (node.type === "definition" && node.identifier) into.set(node.identifier.toLowerCase(), node.url ?? "");
  for (const child of node.children ?? []) collectDefinitions(child, into);
  return into;
}

export function remarkCitations(options: CitationOptions = {}) {
  const label = options.imageLabel ?? "图片";
  return (tree: MdNode): void => transform(tree, label, collectDefinitions(tree));
}
