import type { DocxNumbering } from "./numbering";
import { attr, child, kids, tagOf, textOf, type XNode } from "./xml";

/** Inline containers whose children are read as if they were in the paragraph. */
const INLINE = new Set(["w:r", "w:hyperlink", "w:smartTag", "w:ins", "w:moveTo", "w:customXml", "w:fldSimple", "w:bdo", "w:dir", "w:sdtContent"]);
/** Inline content that is not document text (deleted revisions, annotations, properties). */
const SKIP = new Set(["w:del", "w:moveFrom", "w:delText", "w:instrText", "w:rPr", "w:pPr", "w:footnoteReference", "w:endnoteReference", "w:commentReference", "w:annotationRef", "w:object", "w:rt"]);

function on(n: XNode | undefined): boolean {
  if (!n) return false;
  const v = attr(n, "w:val");
  return v === undefined || (v !== "0" && v !== "false" && v !== "off");
}

/**
 * Reads WordprocessingML body content into lines: paragraphs with their list
 * numbers, tables as `a | b | c` rows, textboxes before the paragraph that
 * anchors them, field results without field codes, no deleted or hidden
 * text. Word's last layout (w:lastRenderedPageBreak) splits top-level
 * content into pages when the file records it.
 */
export class BodyReader {
  /** Lines per page (one page when the file has no recorded layout). */
  readonly pages: string[][] = [[]];
  private fields: ("code" | "result")[] = [];
  /** Breaks seen in the paragraph being read, as offsets into its text. */
  private breaks: number[] = [];
  private boxes: string[] = [];
  /** Pictures (relationship ids) met since the last top-level block was placed. */
  private blips: string[] = [];
  /** Relationship ids of the pictures on each page (0-based page index). */
  readonly images = new Map<number, string[]>();

  constructor(
    private readonly numbering: DocxNumbering,
    private readonly paged: boolean,
  ) {}

  /** Top-level body: paragraphs and tables in order, split into pages. */
  body(nodes: XNode[]): void {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === "w:p") {
        const { text, breaks, boxes } = this.paragraphParts(n);
        this.page().push(...boxes);
        let from = 0;
        for (const at of breaks) {
          const part = text.slice(from, at);
          if (part.trim()) this.page().push(part);
          if (this.page().length) this.pages.push([]);
          from = at;
        }
        this.page().push(text.slice(from));
      } else if (tag === "w:tbl") {
        const before = this.breakCount;
        const rows = this.table(n);
        if (this.breakCount > before && this.page().length) this.pages.push([]);
        this.page().push(...rows);
      } else if (tag === "w:sdt") {
        this.body(kids(child(n, "w:sdtContent") ?? {}));
      } else if (tag === "w:customXml") {
        this.body(kids(n));
      }
      if (this.blips.length) {
        const at = this.pages.length - 1;
        this.images.set(at, [...(this.images.get(at) ?? []), ...this.blips]);
        this.blips = [];
      }
    }
  }

  /** Lines of block content (table cells, textboxes, notes), without page handling. */
  blocks(nodes: XNode[]): string[] {
    const out: string[] = [];
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === "w:p") {
        const { text, boxes } = this.paragraphParts(n);
        out.push(...boxes, text);
      } else if (tag === "w:tbl") out.push(...this.table(n));
      else if (tag === "w:sdt") out.push(...this.blocks(kids(child(n, "w:sdtContent") ?? {})));
      else if (tag === "w:customXml") out.push(...this.blocks(kids(n)));
    }
    return out;
  }

  private breakCount = 0;

  private page(): string[] {
    return this.pages[this.pages.length - 1]!;
  }

  private paragraphParts(p: XNode): { text: string; breaks: number[]; boxes: string[] } {
    const outerBreaks = this.breaks;
    const outerBoxes = this.boxes;
    this.breaks = [];
    this.boxes = [];
    const pPr = child(p, "w:pPr");
    const label = this.numbering.label(pPr);
    let text = "";
    const emit = (s: string): void => {
      text += s;
    };
    this.inline(kids(p), emit, () => text.length);
    const breaks = this.breaks.map((b) => b + label.length);
    const boxes = this.boxes;
    this.breaks = outerBreaks;
    this.boxes = outerBoxes;
    return { text: label + text, breaks, boxes };
  }

  private inline(nodes: XNode[], emit: (s: string) => void, offset: () => number): void {
    for (const n of nodes) {
      if ("#text" in n) continue; // whitespace between elements
      const tag = tagOf(n);
      if (SKIP.has(tag)) continue;
      if (tag === "w:r") {
        if (on(child(child(n, "w:rPr"), "w:vanish"))) continue;
        this.inline(kids(n), emit, offset);
        continue;
      }
      if (INLINE.has(tag)) {
        this.inline(kids(n), emit, offset);
        continue;
      }
      switch (tag) {
        case "w:sdt":
          this.inline(kids(child(n, "w:sdtContent") ?? {}), emit, offset);
          break;
        case "w:fldChar": {
          const type = attr(n, "w:fldCharType");
          if (type === "begin") this.fields.push("code");
          else if (type === "separate" && this.fields.length) this.fields[this.fields.length - 1] = "result";
          else if (type === "end") this.fields.pop();
          break;
        }
        case "w:t":
          if (!this.fields.includes("code")) emit(textOf(n));
          break;
        case "w:tab":
        case "w:ptab":
          if (!this.fields.includes("code")) emit("\t");
          break;
        case "w:br":
        case "w:cr":
          if (attr(n, "w:type") !== "page" && attr(n, "w:type") !== "column" && !this.fields.includes("code")) emit("\n");
          break;
        case "w:noBreakHyphen":
          emit("-");
          break;
        case "w:sym": {
          const code = parseInt(attr(n, "w:char") ?? "", 16);
          if (code && !(code >= 0xf000 && code <= 0xf0ff)) emit(String.fromCharCode(code));
          break;
        }
        case "w:lastRenderedPageBreak":
          if (this.paged) {
            this.breaks.push(offset());
            this.breakCount++;
          }
          break;
        case "m:oMath":
        case "m:oMathPara":
          emit(mathText(n));
          break;
        case "mc:AlternateContent": {
          // One rendering only: the modern choice, else the fallback (both hold the same textbox).
          const choice = child(n, "mc:Choice") ?? child(n, "mc:Fallback");
          if (choice) this.inline(kids(choice), emit, offset);
          break;
        }
        case "w:drawing":
        case "w:pict":
          this.textboxes(n);
          break;
        default:
          break;
      }
    }
  }

  /** Textbox paragraphs inside a drawing or VML shape, kept for the anchoring paragraph. */
  private textboxes(n: XNode): void {
    for (const c of kids(n)) {
      if ("#text" in c) continue;
      const tag = tagOf(c);
      if (tag === "a:blip" || tag === "v:imagedata") {
        const id = attr(c, tag === "a:blip" ? "r:embed" : "r:id");
        if (id) this.blips.push(id);
      } else if (tag === "w:txbxContent") {
        const saved = this.fields;
        this.fields = [];
        this.boxes.push(...this.blocks(kids(c)).filter((l) => l.trim()));
        this.fields = saved;
      } else this.textboxes(c);
    }
  }

  private table(tbl: XNode): string[] {
    const rows: string[] = [];
    for (const tr of kids(tbl)) {
      if (tagOf(tr) !== "w:tr") continue;
      const cells: string[][] = [];
      for (const tc of kids(tr)) {
        const tag = tagOf(tc);
        if (tag === "w:tc") cells.push(this.blocks(kids(tc)).map((l) => l.trim()).filter((l) => l));
        else if (tag === "w:sdt") for (const inner of kids(child(tc, "w:sdtContent") ?? {})) if (tagOf(inner) === "w:tc") cells.push(this.blocks(kids(inner)).map((l) => l.trim()).filter((l) => l));
      }
      const filled = cells.filter((c) => c.length);
      // A one-cell row (a framed title or header) keeps its paragraphs as lines.
      if (filled.length === 1) rows.push(...filled[0]!);
      else if (filled.length) rows.push(cells.map((c) => c.join("  ")).join(" | "));
    }
    return rows;
  }
}

function mathText(n: XNode): string {
  if (tagOf(n) === "m:t") return textOf(n);
  return kids(n)
    .filter((c) => !("#text" in c))
    .map(mathText)
    .join("");
}
