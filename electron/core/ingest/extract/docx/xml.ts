import { XMLParser } from "fast-xml-parser";

/** An element of an order-preserving parse: `{ tag: children, ":@"?: attributes }`, or `{ "#text": text }`. */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

/** Parses a part; `validate` refuses malformed XML (an unclosed tag would otherwise lose the text after it silently). */
export function parseXml(xml: string, validate = false): XNode[] {
  return parser.parse(xml, validate) as XNode[];
}

export function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ":@") return k;
  return "";
}

export function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(n: XNode | undefined, name: string): string | undefined {
  const a = n?.[":@"] as Record<string, string> | undefined;
  return a?.[name];
}

export function child(n: XNode | undefined, tag: string): XNode | undefined {
  return n ? kids(n).find((c) => tagOf(c) === tag) : undefined;
}

export function textOf(n: XNode): string {
  if ("#text" in n) return String(n["#text"]);
  return kids(n).map(textOf).join("");
}

/** The first element with this tag, depth first. */
export function find(nodes: XNode[], tag: string): XNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const inner = find(kids(n), tag);
    if (inner) return inner;
  }
  return undefined;
}
